//! Planning one document that is not a meeting: its meeting (if any), date,
//! committee, title, slug and authors.
//!
//! Each kind is titled and dated the way a secretariat does it: minutes a
//! few days after their meeting, slides on the day, reports a little before,
//! accounts in early spring for the year before. Meetings are planned first
//! (in `plan.rs`) so that documents here can belong to one.

use super::calendar::{month_name, Date};
use super::format::lower_first;
use super::people::{chairman, committee_chair, other_person, treasurer, COMMITTEES};
use super::plan::{MeetingInfo, Proto};
use super::rng::Rng;
use super::topics::TOPICS;
use arkiv::core::kind::Kind;
use arkiv::core::slug::slugify;

/// Plans one document of `kind` (not a meeting); `meetings` are the meetings
/// already planned, `np` the number of people. The caller sets `order`.
pub(super) fn plan_document(
    rng: &mut Rng,
    kind: Kind,
    meetings: &[MeetingInfo],
    np: usize,
) -> Proto {
    let topic = rng.below(TOPICS.len());
    let attachable = matches!(
        kind,
        Kind::Slides | Kind::Minutes | Kind::CommitteeReport | Kind::ChairmanReport
    );
    let meeting_id = if attachable && !meetings.is_empty() && rng.chance(50) {
        Some(rng.below(meetings.len()))
    } else {
        None
    };
    let date = match meeting_id {
        Some(m) => {
            let md = meetings[m].date;
            match kind {
                Kind::Minutes => md.add_days(rng.range(1, 21) as i32),
                Kind::Slides => md,
                _ => md.add_days(-(rng.range(0, 14) as i32)),
            }
        }
        None => {
            let mut d = Date::random(rng);
            if kind == Kind::Accounts {
                d.m = rng.range(2, 4) as u8;
                d.d = d.d.min(28);
            }
            d
        }
    };
    let y = date.y;
    let mt = meeting_id.map(|m| lower_first(&meetings[m].title));
    let committee = match kind {
        Kind::CommitteeReport => Some(rng.below(COMMITTEES.len())),
        Kind::Slides | Kind::Minutes if rng.chance(25) => Some(rng.below(COMMITTEES.len())),
        _ => None,
    };
    let topic_s = TOPICS[topic];
    let (title, slug_base, authors) = match kind {
        Kind::Newsletter => {
            let month = month_name(date.m);
            let title = if rng.chance(60) {
                format!("Nyhedsbrev {month} {y}")
            } else {
                format!("Nyhedsbrev {month} {y}: {}", lower_first(topic_s))
            };
            let mut a = vec![if rng.chance(70) {
                chairman(y)
            } else {
                other_person(rng, np)
            }];
            if rng.chance(30) {
                a.push(other_person(rng, np));
            }
            (title, format!("nyhedsbrev-{y}-{:02}", date.m), a)
        }
        Kind::Slides => {
            let head = match (committee, rng.below(4)) {
                (Some(c), _) => format!("Nyt fra {}", COMMITTEES[c]),
                (None, 0) => "Nyt fra bestyrelsen".to_string(),
                (None, 1) => format!("{topic_s} – status og perspektiver"),
                (None, 2) => format!("Oplæg om {}", lower_first(topic_s)),
                _ => topic_s.to_string(),
            };
            let speaker = match committee {
                Some(c) => committee_chair(c, y),
                None if rng.chance(40) => chairman(y),
                None => other_person(rng, np),
            };
            let title = match &mt {
                Some(m) => format!("{head} – {m}"),
                None => head.clone(),
            };
            (
                title,
                format!("slides-{}-{y}", slugify(&head)),
                vec![speaker],
            )
        }
        Kind::Minutes => {
            let title = match (&mt, committee) {
                (Some(m), _) => format!("Referat af {m}"),
                (None, Some(c)) => {
                    let mut t = format!("Referat af møde i {} ", COMMITTEES[c]);
                    date.push_long(&mut t);
                    t
                }
                (None, None) => {
                    let mut t = String::from("Referat af bestyrelsesmøde ");
                    date.push_long(&mut t);
                    t
                }
            };
            let slug = match (meeting_id, committee) {
                (Some(m), _) => format!("referat-{}", meetings[m].slug_base),
                (None, Some(c)) => format!(
                    "referat-{}-{y}-{:02}-{:02}",
                    slugify(COMMITTEES[c]),
                    date.m,
                    date.d
                ),
                (None, None) => {
                    format!("referat-bestyrelsesmoede-{y}-{:02}-{:02}", date.m, date.d)
                }
            };
            (title, slug, vec![other_person(rng, np)])
        }
        Kind::CommitteeReport => {
            let c = committee.unwrap();
            let title = format!("Beretning fra {} {y}", COMMITTEES[c]);
            let slug = format!("beretning-{}-{y}", slugify(COMMITTEES[c]));
            (
                title,
                slug,
                vec![committee_chair(c, y), other_person(rng, np)],
            )
        }
        Kind::ChairmanReport => {
            let title = match &mt {
                Some(m) if rng.chance(50) => format!("Formandens beretning – {m}"),
                _ => format!("Formandens beretning {y}"),
            };
            (
                title,
                format!("formandens-beretning-{y}"),
                vec![chairman(y)],
            )
        }
        Kind::Accounts => {
            let (title, slug) = match rng.below(5) {
                0 => (format!("Budget {}", y + 1), format!("budget-{}", y + 1)),
                1 => (
                    format!("Regnskab for lægevagten {}", y - 1),
                    format!("regnskab-laegevagten-{}", y - 1),
                ),
                _ => (
                    format!("Årsregnskab {}", y - 1),
                    format!("aarsregnskab-{}", y - 1),
                ),
            };
            (title, slug, vec![treasurer(y), chairman(y)])
        }
        _ => {
            let title = match rng.below(10) {
                0 => "Om foreningen".to_string(),
                1 => "Vedtægter".to_string(),
                2 => format!("Bestyrelsen {y}"),
                3 => "Kontakt sekretariatet".to_string(),
                4 => "Udvalg og repræsentanter".to_string(),
                5 => format!("Gode råd om {}", lower_first(topic_s)),
                _ => format!("Tema: {}", lower_first(topic_s)),
            };
            let slug = slugify(&title);
            (title, slug, vec![other_person(rng, np)])
        }
    };
    Proto {
        kind,
        date,
        title,
        slug_base,
        meeting_id,
        own_meeting_id: None,
        committee,
        topic,
        authors,
        place: None,
        order: 0,
    }
}
