//! Planning the archive: how many documents of each kind, when the meetings
//! are, which document belongs to which meeting, and unique slugs.
//!
//! Everything is decided here, from one random stream, before any text is
//! written; `documents.rs` plans the single non-meeting document, and the
//! renderers only read the finished plan.

use std::collections::BTreeSet;

use super::calendar::{Date, FIRST_YEAR, YEARS};
use super::documents::plan_document;
use super::format::lower_first;
use super::model::{Archive, Doc, KIND_WEIGHTS};
use super::people::{chairman, members, other_person, VENUES};
use super::rng::Rng;
use super::topics::TOPICS;
use super::urls::url_pool;
use arkiv::core::kind::Kind;
use arkiv::core::slug::slugify;

/// A document before the archive is sorted: meetings are still referred to
/// by their planning number, and the slug may still clash with another.
pub(super) struct Proto {
    /// See `Doc::kind`.
    pub(super) kind: Kind,
    /// See `Doc::date`.
    pub(super) date: Date,
    /// See `Doc::title`.
    pub(super) title: String,
    /// The slug before a number is added to make it unique.
    pub(super) slug_base: String,
    /// Planning number of the meeting this document belongs to.
    pub(super) meeting_id: Option<usize>,
    /// For meetings: their own planning number.
    pub(super) own_meeting_id: Option<usize>,
    /// See `Doc::committee`.
    pub(super) committee: Option<usize>,
    /// See `Doc::topic`.
    pub(super) topic: usize,
    /// See `Doc::authors`.
    pub(super) authors: Vec<usize>,
    /// See `Doc::place`.
    pub(super) place: Option<usize>,
    /// Position in planning order, the tie-breaker when sorting by date.
    pub(super) order: usize,
}

/// What documents planned later need to know about a meeting.
pub(super) struct MeetingInfo {
    /// The meeting's day, which dates its slides, agendas and minutes.
    pub(super) date: Date,
    /// The meeting's title, quoted in titles of its documents.
    pub(super) title: String,
    /// The meeting's slug before it is made unique.
    pub(super) slug_base: String,
}

/// Number of documents of each kind (in `KIND_WEIGHTS` order) for `n`
/// documents: the weights by largest remainder, and at least one meeting.
fn kind_counts(n: usize) -> [usize; 8] {
    let mut counts = [0usize; 8];
    let mut rems = [(0usize, 0usize); 8];
    let mut total = 0;
    for (i, &(_, w)) in KIND_WEIGHTS.iter().enumerate() {
        counts[i] = n * w / 100;
        rems[i] = (n * w % 100, i);
        total += counts[i];
    }
    // Largest remainder first; ties keep table order.
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in rems.iter().take(n - total) {
        counts[i] += 1;
    }
    let meeting = KIND_WEIGHTS
        .iter()
        .position(|&(k, _)| k == Kind::Meeting)
        .unwrap();
    if n > 0 && counts[meeting] == 0 {
        let largest = (0..8).max_by_key(|&i| (counts[i], usize::MAX - i)).unwrap();
        counts[largest] -= 1;
        counts[meeting] += 1;
    }
    counts
}

/// Plans an archive of `n` documents from `seed`.
pub(super) fn plan(n: usize, seed: u64) -> Archive {
    let mut rng = Rng::new(seed ^ 0xA5C3_1D2E_7F00_B001);
    // People: chairmen, treasurers, committee chairs and other members.
    let people = members(&mut rng);
    let urls = url_pool(&mut rng);

    let counts = kind_counts(n);
    let count_of = |k: Kind| counts[KIND_WEIGHTS.iter().position(|&(kk, _)| kk == k).unwrap()];
    let np = people.len();
    let mut protos: Vec<Proto> = Vec::with_capacity(n);
    let meetings = plan_meetings(&mut rng, count_of(Kind::Meeting), np, &mut protos);

    // Everything else, in table order.
    for &(kind, _) in KIND_WEIGHTS.iter() {
        if kind == Kind::Meeting {
            continue;
        }
        for _ in 0..count_of(kind) {
            let mut p = plan_document(&mut rng, kind, &meetings, np);
            p.order = protos.len();
            protos.push(p);
        }
    }

    let mut docs = assign_slugs(protos, meetings.len());
    attach_pdfs(&mut rng, &mut docs);
    for d in docs.iter_mut() {
        d.seed = rng.next_u64();
    }
    Archive { people, docs, urls }
}

/// Plans `m_count` meetings into `protos`, spread evenly over the years (two
/// to four a year at 1,000 documents), each year's meetings spread over the
/// calendar and named after their season.
fn plan_meetings(
    rng: &mut Rng,
    m_count: usize,
    np: usize,
    protos: &mut Vec<Proto>,
) -> Vec<MeetingInfo> {
    let mut per_year = [0usize; YEARS];
    for j in 0..m_count {
        per_year[j * YEARS / m_count] += 1;
    }
    let mut meetings: Vec<MeetingInfo> = Vec::with_capacity(m_count);
    for (yi, &k) in per_year.iter().enumerate() {
        let y = FIRST_YEAR + yi as u16;
        let mut dates: Vec<Date> = (0..k)
            .map(|j| {
                let lo = 1 + 12 * j / k;
                let hi = (12 * (j + 1) / k).max(lo);
                let m = rng.range(lo, hi) as u8;
                Date {
                    y,
                    m,
                    d: rng.range(1, 28) as u8,
                }
            })
            .collect();
        dates.sort();
        for date in dates {
            let topic = rng.below(TOPICS.len());
            let (name, slug) = match date.m {
                1..=5 => rng.pick(&[
                    ("Forårsmøde", "foraarsmoede"),
                    ("Forårsmøde", "foraarsmoede"),
                    ("Generalforsamling", "generalforsamling"),
                    ("Repræsentantskabsmøde", "repraesentantskabsmoede"),
                    ("Temamøde", "temamoede"),
                    ("Medlemsmøde", "medlemsmoede"),
                ]),
                6..=8 => rng.pick(&[
                    ("Sommermøde", "sommermoede"),
                    ("Temamøde", "temamoede"),
                    ("Medlemsmøde", "medlemsmoede"),
                ]),
                _ => rng.pick(&[
                    ("Efterårsmøde", "efteraarsmoede"),
                    ("Efterårsmøde", "efteraarsmoede"),
                    ("Repræsentantskabsmøde", "repraesentantskabsmoede"),
                    ("Temamøde", "temamoede"),
                    ("Medlemsmøde", "medlemsmoede"),
                ]),
            };
            let (title, slug_base) = if name == "Temamøde" {
                (
                    format!("Temamøde om {} {}", lower_first(TOPICS[topic]), y),
                    format!("temamoede-{}-{}", slugify(TOPICS[topic]), y),
                )
            } else {
                (format!("{name} {y}"), format!("{slug}-{y}"))
            };
            let id = meetings.len();
            meetings.push(MeetingInfo {
                date,
                title: title.clone(),
                slug_base: slug_base.clone(),
            });
            let order = protos.len();
            protos.push(Proto {
                kind: Kind::Meeting,
                date,
                title,
                slug_base,
                meeting_id: None,
                own_meeting_id: Some(id),
                committee: None,
                topic,
                authors: vec![chairman(y), other_person(rng, np)],
                place: Some(rng.below(VENUES.len())),
                order,
            });
        }
    }
    meetings
}

/// Sorts the documents by date and gives each a unique slug.
///
/// The sort is stable, with planning order as tie-breaker; earlier documents
/// get the plain slug, later duplicates a number. Meeting references become
/// document indices, and each meeting learns its documents (`children`).
fn assign_slugs(mut protos: Vec<Proto>, m_count: usize) -> Vec<Doc> {
    protos.sort_by(|a, b| a.date.cmp(&b.date).then(a.order.cmp(&b.order)));
    let mut meeting_doc = vec![usize::MAX; m_count];
    for (i, p) in protos.iter().enumerate() {
        if let Some(m) = p.own_meeting_id {
            meeting_doc[m] = i;
        }
    }
    let mut used = BTreeSet::new();
    let mut docs: Vec<Doc> = Vec::with_capacity(protos.len());
    for p in protos {
        // Minutes of a meeting are named after the meeting's final slug
        // (the meeting always sorts first, being dated earlier).
        let base = match (p.kind, p.meeting_id) {
            (Kind::Minutes, Some(m)) => format!("referat-{}", docs[meeting_doc[m]].slug),
            _ => p.slug_base,
        };
        let mut slug = base.clone();
        let mut k = 2;
        while used.contains(&slug) {
            slug = format!("{base}-{k}");
            k += 1;
        }
        used.insert(slug.clone());
        docs.push(Doc {
            kind: p.kind,
            date: p.date,
            slug,
            title: p.title,
            meeting: p.meeting_id.map(|m| meeting_doc[m]),
            committee: p.committee,
            topic: p.topic,
            authors: p.authors,
            place: p.place,
            pdf: None,
            seed: 0,
            children: Vec::new(),
        });
    }
    for i in 0..docs.len() {
        if let Some(m) = docs[i].meeting {
            docs[m].children.push(i);
        }
    }

    docs
}

/// About one attached PDF per 200 documents, at least one, on documents
/// chosen at random.
fn attach_pdfs(rng: &mut Rng, docs: &mut [Doc]) {
    let n = docs.len();
    if n > 0 {
        let p = (n / 200).max(1);
        let mut idx: Vec<usize> = (0..n).collect();
        for j in 0..p {
            let k = j + rng.below(n - j);
            idx.swap(j, k);
            let d = &mut docs[idx[j]];
            d.pdf = Some(format!("{}-bilag.pdf", d.slug));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_counts_add_up_and_always_include_a_meeting() {
        let meeting = KIND_WEIGHTS
            .iter()
            .position(|&(k, _)| k == Kind::Meeting)
            .unwrap();
        for n in 0..300 {
            let c = kind_counts(n);
            assert_eq!(c.iter().sum::<usize>(), n, "n = {n}");
            assert_eq!(c[meeting] > 0, n > 0, "n = {n}");
        }
        assert_eq!(kind_counts(1000), [350, 250, 100, 100, 80, 40, 40, 40]);
    }

    #[test]
    fn plan_is_chronological_with_unique_slugs_and_consistent_meetings() {
        let ar = plan(400, 5);
        assert_eq!(ar.docs.len(), 400);
        assert!(ar.docs.windows(2).all(|w| w[0].date <= w[1].date));
        let slugs: BTreeSet<&str> = ar.docs.iter().map(|d| d.slug.as_str()).collect();
        assert_eq!(slugs.len(), ar.docs.len());
        for (i, d) in ar.docs.iter().enumerate() {
            if let Some(m) = d.meeting {
                assert_eq!(ar.docs[m].kind, Kind::Meeting);
                assert!(ar.docs[m].children.contains(&i));
                if d.kind == Kind::Minutes {
                    // A second set of minutes for the same meeting gets a number.
                    let base = format!("referat-{}", ar.docs[m].slug);
                    assert!(d.slug == base || d.slug.starts_with(&format!("{base}-")));
                }
            }
        }
        assert_eq!(ar.docs.iter().filter(|d| d.pdf.is_some()).count(), 2);
    }
}
