//! Text analysis for Danish search: tokens, folding, stemming and compound splitting.
//!
//! Every rule here has a twin in `themes/default/static/search.js`, because the browser must turn
//! a query into exactly the keys the index was built with. `tests/search.rs` runs both on a few
//! thousand words and fails on any difference, so change the two together.

use super::hash::FastSet;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::collections::HashMap;

/// Longest token kept: longer runs are tables of digits or pasted junk, never words to search for.
pub const MAX_TOKEN_CHARS: usize = 40;

/// Snowball's Danish stop words: so common they would only make the index large and slow while
/// telling no document from another. The list travels to the browser in the manifest, so the
/// query side drops exactly the same words.
pub const STOPWORDS: &[&str] = &[
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller",
    "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have", "hende",
    "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jer", "jo",
    "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "ned",
    "noget", "nogle", "nu", "når", "og", "også", "om", "op", "os", "over", "på", "selv", "sig",
    "sin", "sine", "sit", "skal", "skulle", "som", "sådan", "thi", "til", "ud", "under", "var",
    "vi", "vil", "ville", "vor", "være", "været",
];

/// Is this (lower-case) word a stop word?
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Letters folded to what a member types on a keyboard without them: `læge` and `laege`,
/// `Århus` and `aarhus` meet at the same key. Applied to lower-case text.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// Appends `c` folded (`fold`'s rule for one character).
pub fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    match FOLD.iter().find(|(from, _)| *from == c) {
        Some((_, to)) => out.push_str(to),
        None => out.push(c),
    }
}

/// The folding table: the one rule for æ/ø/å and accents. `search.js` and `index-filter.js`
/// carry the same table, and `tests/search.rs` fails when they differ from this one.
pub const FOLD: &[(char, &str)] = &[
    ('æ', "ae"),
    ('ä', "ae"),
    ('ø', "oe"),
    ('ö', "oe"),
    ('å', "aa"),
    ('é', "e"),
    ('è', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('á', "a"),
    ('à', "a"),
    ('â', "a"),
    ('ó', "o"),
    ('ò', "o"),
    ('ô', "o"),
    ('ú', "u"),
    ('ù', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('í', "i"),
    ('ì', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ñ', "n"),
    ('ç', "c"),
    ('ß', "ss"),
];

/// Snowball Danish stem of a lower-case word (the same algorithm search.js runs by hand).
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::Danish);
    }
    STEMMER.with(|s| s.stem(word).into_owned())
}

/// The key a word is found by: its stem, folded.
pub fn key(word: &str) -> String {
    fold(&stem(word))
}

/// Splits text into lower-case search tokens.
///
/// Soft hyphens vanish; a word broken over a line with a hyphen (`Af-` newline `tale`) is also
/// kept joined (`aftale`); letters and digits stuck together (`tale26`, a footnote mark after a
/// word) are separated, so neither half is lost.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.into_owned()));
    out
}

/// `tokens` without collecting: the indexer calls this on the whole archive, and most tokens
/// are already lower case, so they are lent out of the text instead of copied.
pub fn for_each_token<'t>(text: &'t str, mut emit: impl FnMut(Cow<'t, str>)) {
    if text.contains('\u{00AD}') {
        let cleaned: String = text.chars().filter(|&c| c != '\u{00AD}').collect();
        scan(&cleaned, &mut |t| emit(Cow::Owned(t.into_owned())));
    } else {
        scan(text, &mut emit);
    }
}

fn scan<'t>(text: &'t str, emit: &mut dyn FnMut(Cow<'t, str>)) {
    let mut previous: Option<(usize, usize)> = None;
    let mut start: Option<usize> = None;
    let mut on_span = |s: usize, e: usize, emit: &mut dyn FnMut(Cow<'t, str>)| {
        let word = &text[s..e];
        // `Af- tale` (a line break turned to a space) or `Af-\ntale`: also the joined word.
        if let Some((ps, pe)) = previous {
            let before = &text[ps..pe];
            if is_line_break_hyphen(&text[pe..s])
                && before.chars().last().is_some_and(char::is_alphabetic)
                && word.chars().next().is_some_and(char::is_lowercase)
            {
                push_parts(Cow::Owned(format!("{before}{word}")), emit);
            }
        }
        push_parts(Cow::Borrowed(word), emit);
        previous = Some((s, e));
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            on_span(s, i, emit);
        }
    }
    if let Some(s) = start {
        on_span(s, text.len(), emit);
    }
}

/// `-` followed by white space that the line break became.
fn is_line_break_hyphen(between: &str) -> bool {
    let mut chars = between.chars();
    chars.next() == Some('-') && {
        let rest = chars.as_str();
        !rest.is_empty() && rest.chars().all(char::is_whitespace)
    }
}

/// Emits a run of letters and digits, split where letters meet digits, lower-cased.
fn push_parts<'t>(word: Cow<'t, str>, emit: &mut dyn FnMut(Cow<'t, str>)) {
    // Most words are plain ASCII letters: one pass over the bytes settles them.
    if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        push_token(word, emit);
        return;
    }
    let mut chars = word.chars();
    let first_digit = chars.next().is_some_and(char::is_numeric);
    if chars.all(|c| c.is_numeric() == first_digit) {
        push_token(word, emit);
        return;
    }
    let mut begin = 0;
    let mut digits = first_digit;
    for (i, c) in word.char_indices() {
        let d = c.is_numeric();
        if d != digits {
            push_token(Cow::Owned(word[begin..i].to_string()), emit);
            begin = i;
            digits = d;
        }
    }
    push_token(Cow::Owned(word[begin..].to_string()), emit);
}

fn push_token<'t>(token: Cow<'t, str>, emit: &mut dyn FnMut(Cow<'t, str>)) {
    if token.len() > MAX_TOKEN_CHARS && token.chars().count() > MAX_TOKEN_CHARS {
        return;
    }
    if token.is_ascii() {
        if token.bytes().any(|b| b.is_ascii_uppercase()) {
            emit(Cow::Owned(token.to_ascii_lowercase()));
        } else {
            emit(token);
        }
        return;
    }
    if token.chars().any(|c| !c.is_lowercase() && !c.is_numeric()) {
        emit(Cow::Owned(token.to_lowercase()));
    } else {
        emit(token);
    }
}

/// Shortest first part of a compound (`læge` in `lægevagt`): shorter ones (`for`, `an`) would
/// split ordinary words into nonsense.
const MIN_HEAD_CHARS: usize = 4;
/// Shortest last part (`tal` in `patienttal`).
const MIN_TAIL_CHARS: usize = 3;
/// Shortest word worth trying to split.
const MIN_COMPOUND_CHARS: usize = 7;

/// Splits compound words into parts that are themselves words of the archive.
///
/// Danish writes `lægevagtsudvalget` as one word; a member searching for `udvalget` or
/// `lægevagt` expects to find it. Parts are only accepted when the archive uses them as words of
/// their own, with the linking `s` or `e` allowed between parts.
/// A word test the splitter asks: is this an archive word, is this a known tail.
type WordTest<'a> = Box<dyn Fn(&str) -> bool + Sync + 'a>;

pub struct Compounds<'a> {
    contains: WordTest<'a>,
    /// A last part known to be a Danish word though the archive never uses it alone: its stem
    /// is the stem of an archive word, or it is one of `core::compound::TAILS`.
    known_tail: Option<WordTest<'a>>,
}

/// A tail known only as a Danish word (not as an archive word) must be this long, so `tal`
/// never splits `kapital` and `an`, `for`, `til` never split anything.
const MIN_KNOWN_TAIL_CHARS: usize = 6;
/// Marks a head that is no known word: kept out of the parts, but the tail still counts.
const UNKNOWN_HEAD: char = '\u{0}';

impl<'a> Compounds<'a> {
    /// `vocabulary`: every lower-case token of the archive.
    pub fn new(vocabulary: &'a FastSet<String>) -> Self {
        Compounds {
            contains: Box::new(move |w| vocabulary.contains(w)),
            known_tail: None,
        }
    }

    /// As `new`, for a vocabulary kept in another form (the indexer numbers its words, and
    /// asks its own table rather than building a set of strings only for this).
    pub fn with_lookup(contains: &'a (dyn Fn(&str) -> bool + Sync)) -> Self {
        Compounds {
            contains: Box::new(contains),
            known_tail: None,
        }
    }

    /// Also accepts a last part the archive never uses alone when `stem_known` says its stem is
    /// the stem of an archive word (`udvalget` where only `udvalg` occurs), or when it is a
    /// known Danish compound tail of six letters or more; then the head need not be a word
    /// either (`minimums|patienttal`). Shorter tails still need an archive word on each side.
    pub fn with_known_tails(mut self, stem_known: &'a (dyn Fn(&str) -> bool + Sync)) -> Self {
        self.known_tail = Some(Box::new(move |w: &str| {
            w.chars().count() >= MIN_KNOWN_TAIL_CHARS
                && (crate::core::compound::is_tail(w) || stem_known(&stem(w)))
        }));
        self
    }

    fn is_known_tail(&self, w: &str) -> bool {
        self.known_tail.as_ref().is_some_and(|f| f(w))
    }

    /// The parts of `word` (lower case), including joined heads (`lægevagt` from
    /// `læge`+`vagt`+`s`+`udvalget`); empty when it is not a compound of archive words.
    pub fn split(&self, word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < MIN_COMPOUND_CHARS || chars.iter().any(|c| c.is_numeric()) {
            return Vec::new();
        }
        let mut memo = HashMap::new();
        match self.split_chars(&chars, &mut memo) {
            Some(parts) if parts.len() > 1 => parts
                .into_iter()
                .filter(|p| !p.starts_with(UNKNOWN_HEAD))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Parts of a word, or None if it cannot be made of archive words. A word of the vocabulary
    /// is its own single part.
    fn split_chars(
        &self,
        chars: &[char],
        memo: &mut HashMap<usize, Option<Vec<String>>>,
    ) -> Option<Vec<String>> {
        if let Some(known) = memo.get(&chars.len()) {
            return known.clone();
        }
        let result = self.split_uncached(chars, memo);
        memo.insert(chars.len(), result.clone());
        result
    }

    fn split_uncached(
        &self,
        chars: &[char],
        memo: &mut HashMap<usize, Option<Vec<String>>>,
    ) -> Option<Vec<String>> {
        let whole: String = chars.iter().collect();
        if chars.len() < MIN_HEAD_CHARS + MIN_TAIL_CHARS {
            return (self.contains)(&whole).then(|| vec![whole]);
        }
        // Longest last part first: fewer, longer parts are the likelier reading.
        let mut unknown_head: Option<Vec<String>> = None;
        for cut in MIN_HEAD_CHARS..=chars.len() - MIN_TAIL_CHARS {
            let tail: String = chars[cut..].iter().collect();
            let known = !(self.contains)(&tail) && self.is_known_tail(&tail);
            if !known && !(self.contains)(&tail) {
                continue;
            }
            if known && unknown_head.is_none() {
                // Longest known tail with a head that is no word: the last resort.
                let head: String = chars[..cut].iter().collect();
                unknown_head = Some(vec![format!("{UNKNOWN_HEAD}{head}"), tail.clone()]);
            }
            let head = &chars[..cut];
            let mut heads = vec![head];
            if matches!(head.last(), Some('s') | Some('e')) && head.len() > MIN_HEAD_CHARS {
                heads.push(&head[..head.len() - 1]);
            }
            for h in heads {
                let h_word: String = h.iter().collect();
                if (self.contains)(&h_word) {
                    return Some(vec![h_word, tail]);
                }
                // Heads are prefixes of the same word, so the memo (by length) still holds.
                if let Some(mut parts) = self.split_chars(h, memo) {
                    // A longer known tail beats a split that itself rests on an unknown head.
                    if unknown_head.is_some() && parts.iter().any(|p| p.starts_with(UNKNOWN_HEAD)) {
                        continue;
                    }
                    if parts.len() > 1 {
                        parts.push(h_word);
                    }
                    parts.push(tail);
                    return Some(parts);
                }
            }
        }
        // A known tail with an unknown head: even when the whole is an archive word, as
        // `minimumspatienttal` is, its tail (`patienttal`) is worth finding it by. The tail's
        // own parts count too (`patient`, `tal`).
        if unknown_head.is_none() && (self.contains)(&whole) {
            return Some(vec![whole]);
        }
        unknown_head.map(|mut parts| {
            let tail = parts.pop().unwrap_or_default();
            let tail_chars: Vec<char> = tail.chars().collect();
            let mut inner = HashMap::new();
            if let Some(sub) = self.split_chars(&tail_chars, &mut inner) {
                parts.extend(sub.into_iter().filter(|p| *p != tail));
            }
            parts.push(tail);
            parts
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> FastSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort();
        assert_eq!(sorted, STOPWORDS);
        assert!(is_stopword("og"));
        assert!(!is_stopword("læge"));
    }

    #[test]
    fn folding_meets_keyboard_spellings() {
        assert_eq!(fold("læge"), "laege");
        assert_eq!(fold("århus"), "aarhus");
        assert_eq!(fold("kørsel"), "koersel");
        assert_eq!(key("læge"), key("laege"));
        assert_eq!(key("århus"), key("aarhus"));
    }

    #[test]
    fn tokens_survive_soft_and_line_break_hyphens() {
        let t = tokens("Af-\ntale26 og hono\u{00AD}rar");
        assert!(t.contains(&"aftale".to_string()), "{t:?}");
        assert!(t.contains(&"26".to_string()), "{t:?}");
        assert!(t.contains(&"honorar".to_string()), "{t:?}");
        // A hyphen within a line is a real hyphen: both words, nothing joined.
        let t = tokens("Covid-19 og ind- og udgående");
        assert_eq!(t[..2], ["covid".to_string(), "19".to_string()]);
        assert!(t.contains(&"udgående".to_string()));
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert!(tokens(&format!("{long} kort")) == vec!["kort".to_string()]);
    }

    #[test]
    fn compounds_split_into_archive_words() {
        let v = vocab(&[
            "læge",
            "vagt",
            "udvalget",
            "honorar",
            "strukturen",
            "patient",
            "tal",
        ]);
        let c = Compounds::new(&v);
        let parts = c.split("lægevagtsudvalget");
        for p in ["læge", "vagt", "lægevagt", "udvalget"] {
            assert!(parts.contains(&p.to_string()), "{p} in {parts:?}");
        }
        assert_eq!(c.split("honorarstrukturen"), vec!["honorar", "strukturen"]);
        assert_eq!(c.split("patienttal"), vec!["patient", "tal"]);
        // Not a compound of archive words; and an archive word alone is not split.
        assert!(c.split("generalforsamling").is_empty());
        assert!(c.split("strukturen").is_empty());
        assert!(c.split("læge").is_empty());
    }

    #[test]
    fn known_tails_count_where_the_archive_never_uses_them_alone() {
        // A small archive: `udvalget`, `patienttal` and `minimums` never occur alone.
        let v = vocab(&[
            "vagtlæge",
            "udvalg",
            "patient",
            "tal",
            "kapital",
            "forslag",
            "anden",
        ]);
        let stems: FastSet<String> = v.iter().map(|w| stem(w)).collect();
        let stem_known = |s: &str| stems.contains(s);
        let c = Compounds::new(&v).with_known_tails(&stem_known);
        let parts = c.split("vagtlægeudvalget");
        assert!(parts.contains(&"udvalget".to_string()), "{parts:?}");
        assert!(parts.contains(&"vagtlæge".to_string()), "{parts:?}");
        let parts = c.split("minimumspatienttal");
        assert!(parts.contains(&"patienttal".to_string()), "{parts:?}");
        assert!(!parts.iter().any(|p| p.starts_with("minimum")), "{parts:?}");
        // Precision: short words never split ordinary ones.
        for word in [
            "kapital",
            "forslaget",
            "forhandling",
            "tilbagemelding",
            "analyser",
            "anbefaling",
            "forsamlingen",
        ] {
            let parts = c.split(word);
            assert!(
                !parts
                    .iter()
                    .any(|p| ["for", "an", "til", "tal"].contains(&p.as_str())),
                "{word}: {parts:?}"
            );
        }
    }
}
