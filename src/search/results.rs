//! What a search result shows of a document: its title, address, date and the text it quotes.
//!
//! Two files carry it to the browser:
//!
//! - `d/<n>.js`, the document's fragment: the start of every section and PDF, from which
//!   search.js quotes whatever a query matched;
//! - result cards (`c/<n>-<j>.js`, for the terms of shard `t/<n>.js`): for each term, the
//!   documents a one-word query for it shows first, each with the stretch of text around the
//!   term. A one-word query thus shows its first page from one card file, with no request per
//!   result.

use crate::core::i18n;
use crate::core::kind::Kind;
use crate::model::Archive;
use crate::search::analysis;
use crate::search::shards::Entry;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// How much of each section a fragment holds: enough that the excerpt, centred on the best
/// match (search.js), mostly shows the matched words and not only the section's opening.
const SECTION_CHARS: usize = 480;
/// How much of a PDF's text a fragment holds.
const PDF_CHARS: usize = 300;
/// How long a card's quote is: under search.js's excerpt length (220), so it shows whole.
const CARD_QUOTE_CHARS: usize = 200;
/// How much of a card's quote comes before the matched word.
const CARD_LEAD_CHARS: usize = 70;
/// How far into its own section's text a card looks for its word.
const SCAN_BYTES: usize = 4_000;
/// How far into the other sections a card looks, when its own does not say the word (a
/// fragment holds their first 480 characters).
const OTHER_SCAN_BYTES: usize = 1_000;
/// How many bytes a card folds before it looks for its word again.
const STRETCH_BYTES: usize = 128;
/// A quotable text of a document: where a result links to, its heading and its text.
struct Quotable<'a> {
    link: String,
    heading: &'a str,
    text: Cow<'a, str>,
}

/// A document's quotable texts, numbered as the index numbers sections (`search::index`):
/// its sections, then its programme (a meeting's), then its PDFs.
struct Texts<'a> {
    sections: Vec<Quotable<'a>>,
    pdfs: Vec<Quotable<'a>>,
}

/// A document's texts, its sections' given (as read for the index).
fn texts<'a>(archive: &'a Archive, i: usize, given: &'a [Cow<'a, str>]) -> Texts<'a> {
    let d = &archive.documents[i];
    let sections = given
        .iter()
        .enumerate()
        .map(|(n, text)| section(archive, i, n, Cow::Borrowed(text.as_ref())))
        .chain((!d.front.programme.is_empty()).then(|| programme(archive, i)))
        .collect();
    let pdfs = d.attachments.iter().filter_map(pdf).collect();
    Texts { sections, pdfs }
}

/// The `n`-th (0-based) of a document's own sections, with its text.
fn section<'a>(archive: &'a Archive, i: usize, n: usize, text: Cow<'a, str>) -> Quotable<'a> {
    let d = &archive.documents[i];
    // The section is there: `n` counts the texts read for it.
    debug_assert!(n < d.sections.len(), "section {n} of {}", d.url);
    let (anchor, heading) = d
        .sections
        .get(n)
        .map_or((None, ""), |s| (s.anchor, s.heading));
    let is_deck = d.front.kind == Kind::Slides && !d.slides.is_empty();
    // A slide links to the presentation at that slide; a section to its heading.
    let link = match (anchor, is_deck) {
        (Some(a), true) => {
            let number = a.strip_prefix("slide-").unwrap_or(a);
            format!("{}slides/#{number}", d.url)
        }
        (Some(a), false) => format!("{}#{a}", d.url),
        (None, _) => d.url.clone(),
    };
    Quotable {
        link,
        heading,
        text,
    }
}

/// A meeting's programme as a section: the one after the body's.
fn programme(archive: &Archive, i: usize) -> Quotable<'_> {
    let d = &archive.documents[i];
    let text: Vec<String> = d
        .front
        .programme
        .iter()
        .map(|p| match &p.speaker {
            Some(s) => format!("{} {} ({s})", p.time, p.title),
            None => format!("{} {}", p.time, p.title),
        })
        .collect();
    Quotable {
        link: format!("{}#programme-title", d.url),
        heading: i18n::text(archive.config.language, "programme"),
        text: Cow::Owned(text.join(" · ")),
    }
}

fn pdf(a: &crate::model::attachments::Attachment) -> Option<Quotable<'_>> {
    let pdf = a.pdf.as_ref()?;
    Some(Quotable {
        link: crate::core::urls::encode_path(&a.path),
        heading: a.title.as_str(),
        text: Cow::Borrowed(pdf.text.as_str()),
    })
}

/// How many sections a document has as a fragment numbers them (its own and its programme).
fn section_count(archive: &Archive, i: usize) -> usize {
    let d = &archive.documents[i];
    d.sections.len() + usize::from(!d.front.programme.is_empty())
}

/// The `s`-th (1-based) quotable text: a section (read whole from the store, so a card quotes
/// exactly as a fragment does), the programme, or after them a PDF.
fn quotable(archive: &Archive, i: usize, s: usize) -> Option<Quotable<'_>> {
    let d = &archive.documents[i];
    let n = section_count(archive, i);
    if s == 0 {
        None
    } else if s <= d.sections.len() {
        let text = archive.texts.whole(d.sections.get(s - 1)?.text);
        Some(section(archive, i, s - 1, text))
    } else if s <= n {
        Some(programme(archive, i))
    } else {
        d.attachments.iter().filter_map(pdf).nth(s - n - 1)
    }
}

fn date(archive: &Archive, i: usize) -> String {
    let d = &archive.documents[i];
    d.front
        .date
        .map(|x| x.long(archive.config.language))
        .unwrap_or_default()
}

/// Cuts text to about `max` characters at a word boundary.
fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, next)) => {
            let head = &text[..cut];
            let head = if next.is_whitespace() {
                head
            } else {
                head.rfind(' ').map_or(head, |space| &head[..space])
            };
            format!("{head} …")
        }
    }
}

/// A document's fragment, serialised straight from borrowed text (no intermediate JSON tree):
/// fields in alphabetical order, as the format has always had them.
#[derive(Serialize)]
struct Fragment<'a> {
    date: String,
    pdfs: Vec<(&'a str, &'a str, String)>,
    sections: Vec<(&'a str, &'a str, String)>,
    title: &'a str,
    url: &'a str,
}

/// What a result shows of one document (`d/<n>.js`), as JSON; `sections` are its sections'
/// texts.
pub fn fragment(archive: &Archive, i: usize, sections: &[Cow<str>]) -> String {
    let d = &archive.documents[i];
    let texts = texts(archive, i, sections);
    // The programme may quote twice as much: every item is short.
    let programme = !d.front.programme.is_empty();
    let last = texts.sections.len().saturating_sub(1);
    let sections = texts
        .sections
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let max = if programme && n == last {
                SECTION_CHARS * 2
            } else {
                SECTION_CHARS
            };
            (q.link.as_str(), q.heading, clip(&q.text, max))
        })
        .collect();
    let pdfs = texts
        .pdfs
        .iter()
        .map(|q| (q.link.as_str(), q.heading, clip(&q.text, PDF_CHARS)))
        .collect();
    let fragment = Fragment {
        date: date(archive, i),
        pdfs,
        sections,
        title: &d.front.title,
        url: &d.url,
    };
    // Serialising strings and tuples cannot fail; were it to, the result would show no text.
    serde_json::to_string(&fragment).unwrap_or_else(|_| "{}".to_string())
}

/// A card file: `d` maps each document's number (in its part) to its title, address, date
/// and number of sections; `t` holds, for each of its terms, its first results as
/// `[document, section, at, link, heading, quote]`: `section` is the posting's (1-based; 0:
/// the title), `link` and `heading` are that section's, and `at` is the section whose text
/// the quote is from (0: none).
#[derive(Serialize, Default)]
struct Cards<'a> {
    d: BTreeMap<u32, (&'a str, &'a str, String, usize)>,
    t: BTreeMap<&'a str, Vec<Card>>,
}

type Card = (u32, u16, usize, String, String, String);

/// The result cards of a shard's `entries`, cut into files of about `budget` characters:
/// each file as the number of its first term in the shard and its JSON. `docs` maps a
/// posting's document number to the archive's.
pub fn card_files(
    archive: &Archive,
    docs: &[usize],
    entries: &[Entry],
    budget: usize,
) -> Vec<(usize, String)> {
    let mut files = Vec::new();
    let mut file = Cards::default();
    let (mut first, mut size) = (0, 0);
    for (k, entry) in entries.iter().enumerate() {
        if size > budget && !file.t.is_empty() {
            files.push((first, to_json(&file)));
            file = Cards::default();
            (first, size) = (k, 0);
        }
        let key = analysis::fold(&entry.term);
        let mut list = Vec::with_capacity(entry.top.len());
        let mut added = 0;
        for p in &entry.top {
            let Some(&i) = docs.get(p.doc as usize) else {
                continue;
            };
            file.d.entry(p.doc).or_insert_with(|| {
                let d = &archive.documents[i];
                added += d.front.title.len() + d.url.len() + 24;
                (
                    &d.front.title,
                    &d.url,
                    date(archive, i),
                    section_count(archive, i),
                )
            });
            let c = card(archive, i, p.doc, p.section, &key);
            added += c.3.len() + c.4.len() + c.5.len() + 16;
            list.push(c);
        }
        size += added + entry.term.len() + 6;
        file.t.insert(&entry.term, list);
    }
    if !file.t.is_empty() || files.is_empty() {
        files.push((first, to_json(&file)));
    }
    files
}

fn to_json(cards: &Cards) -> String {
    // Serialising strings, numbers and tuples cannot fail; were it to, no card would show
    // and the browser would read the documents instead.
    serde_json::to_string(cards).unwrap_or_else(|_| r#"{"d":{},"t":{}}"#.to_string())
}

/// One card, quoting as search.js quotes a fragment: the posting's section's (or PDF's) text
/// around the term; when that section does not say it (a match on its heading, or the title),
/// the first section that does, else the section's own text (or the opening, for the title).
/// `link` and `heading` are the posting's section's (none for the title).
fn card(archive: &Archive, i: usize, doc: u32, section: u16, key: &str) -> Card {
    let s = usize::from(section);
    let n = section_count(archive, i);
    let own = (s > 0).then(|| quotable(archive, i, s)).flatten();
    let found = |q: &Quotable, limit| find_word(q.text.trim(), key, limit);
    let own_word = own.as_ref().and_then(|q| found(q, SCAN_BYTES));
    let quoted: Option<(usize, Cow<str>, Option<usize>)> = match &own {
        Some(q) if s > n || own_word.is_some() => Some((s, q.text.clone(), own_word)),
        _ => {
            let first = (1..=n).find_map(|at| {
                let q = quotable(archive, i, at)?;
                let word = found(&q, OTHER_SCAN_BYTES)?;
                Some((at, q.text, Some(word)))
            });
            first.or_else(|| match &own {
                Some(q) => Some((s, q.text.clone(), None)),
                None => quotable(archive, i, 1).map(|q| (1, q.text, None)),
            })
        }
    };
    let (link, heading) = own
        .as_ref()
        .map(|q| (q.link.clone(), q.heading.to_string()))
        .unwrap_or_default();
    match quoted {
        Some((at, text, word)) => (doc, section, at, link, heading, quote(&text, word)),
        None => (doc, section, 0, link, heading, String::new()),
    }
}

/// The byte offset of the first word of `text` that holds `key` (a folded term) as search.js
/// marks words: at its start, or inside it for a key of four characters or more. Looks at the
/// first `limit` bytes of the text only: a quote from further in is not worth the time.
fn find_word(text: &str, key: &str, limit: usize) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    let mut cut = text.len().min(limit);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    // The text lower-cased and folded a stretch at a time (the word is mostly near the
    // start), with where in `text` each folded byte comes from.
    let mut folded = String::with_capacity(text.len().min(1024) + 16);
    let mut origin: Vec<u32> = Vec::with_capacity(text.len().min(1024) + 16);
    let inside = key.chars().count() >= 4;
    let mut searched = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let stretch = (i + STRETCH_BYTES).min(bytes.len());
        while i < stretch {
            // Most of the text is ASCII: a byte at a time, without decoding.
            let b = bytes[i];
            if b.is_ascii() {
                folded.push(char::from(b.to_ascii_lowercase()));
                origin.push(i as u32);
                i += 1;
                continue;
            }
            // `i` is at a character: there is one.
            let c = text[i..].chars().next()?;
            for l in c.to_lowercase() {
                analysis::push_folded(&mut folded, l);
            }
            origin.resize(folded.len(), i as u32);
            i += c.len_utf8();
        }
        // Search again from where a match could have begun that the last stretch cut off.
        let mut from = searched;
        while !folded.is_char_boundary(from) {
            from -= 1;
        }
        for (at, _) in folded[from..].match_indices(key) {
            let start = origin.get(from + at).map_or(0, |&o| o as usize);
            let word = text[..start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric())
                .last()
                .map_or(start, |(i, _)| i);
            if word == start || inside {
                return Some(word);
            }
        }
        searched = (folded.len() + 1).saturating_sub(key.len()).max(searched);
    }
    None
}

/// About `CARD_QUOTE_CHARS` of `text` from a little before the word at byte `word` of the
/// trimmed text (`find_word`), or from the opening; cut at spaces, with "…" where it was cut.
fn quote(text: &str, word: Option<usize>) -> String {
    let text = text.trim();
    let at = word.filter(|&w| text.is_char_boundary(w)).unwrap_or(0);
    let lead_start = text[..at]
        .char_indices()
        .rev()
        .nth(CARD_LEAD_CHARS - 1)
        .map_or(0, |(i, _)| i);
    // Start at a word: after the first space of the lead, unless the lead is the opening.
    let start = if lead_start == 0 {
        0
    } else {
        text[lead_start..at]
            .find(' ')
            .map_or(at, |space| lead_start + space + 1)
    };
    let rest = &text[start..];
    let body = match rest.char_indices().nth(CARD_QUOTE_CHARS) {
        None => rest.to_string(),
        Some((cut, _)) => {
            let head = &rest[..cut];
            let head = head.rfind(' ').map_or(head, |space| &head[..space]);
            format!("{head} …")
        }
    };
    if start > 0 {
        format!("… {body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_cuts_at_words() {
        assert_eq!(clip("kort tekst", 50), "kort tekst");
        assert_eq!(clip("lægevagten i Sønderborg", 12), "lægevagten i …");
    }

    #[test]
    fn a_word_is_found_as_search_js_marks_it() {
        let text = "Mødet om Lægevagten, og om vagtplanen.";
        assert_eq!(
            find_word(text, "laegevagt", SCAN_BYTES),
            text.find("Lægevagten")
        );
        // Inside a word only for keys of four characters or more.
        assert_eq!(find_word(text, "plan", SCAN_BYTES), text.find("vagtplanen"));
        assert_eq!(find_word(text, "lan", SCAN_BYTES), None);
        assert_eq!(find_word(text, "plan.", SCAN_BYTES), None);
        assert_eq!(find_word("slut med ordet", "ordet", SCAN_BYTES), Some(9));
        assert_eq!(find_word("", "ord", SCAN_BYTES), None);
        // Found across the stretches it is folded in, wherever the word falls.
        for lead in [0, 250, 253, 256, 700] {
            let text = format!("{}lægevagten", "x ".repeat(lead / 2));
            assert_eq!(
                find_word(&text, "laegevagt", SCAN_BYTES),
                text.find("læge"),
                "{lead}"
            );
        }
        // Also where letters of two bytes shift the stretches' ends: "ø " is three bytes.
        for lead in [0, 41, 42, 43, 85, 128] {
            let text = format!("{}Lægevagten", "ø ".repeat(lead));
            assert_eq!(
                find_word(&text, "laegevagt", SCAN_BYTES),
                text.find("Læge"),
                "{lead}"
            );
        }
        // Not past the scan limit.
        let far = format!("{}kontingent", "ord ".repeat(SCAN_BYTES / 4 + 10));
        assert_eq!(find_word(&far, "kontingent", SCAN_BYTES), None);
    }

    #[test]
    fn a_quote_starts_before_the_word_and_is_cut_at_spaces() {
        let filler = "ord ".repeat(60);
        let text = format!("{filler}generalforsamlingen blev holdt i år {filler}");
        let q = quote(&text, find_word(&text, "generalforsaml", SCAN_BYTES));
        assert!(q.starts_with("… ord"), "{q}");
        assert!(q.ends_with(" …"), "{q}");
        let before = q.find("generalforsamlingen").unwrap_or(usize::MAX);
        assert!((60..=80).contains(&before), "{before}: {q}");
        assert!(
            q.chars().count() <= CARD_QUOTE_CHARS + 4,
            "{}",
            q.chars().count()
        );
        // A word near the opening quotes from the opening, without "…" in front.
        let short = "Kort tekst om kontingent.";
        assert_eq!(
            quote(short, find_word(short, "kontingent", SCAN_BYTES)),
            short
        );
        // No match: the opening.
        assert!(quote(&text, find_word(&text, "budget", SCAN_BYTES)).starts_with("ord ord"));
    }
}
