//! Danish compounds: the last parts that association material builds its long words from
//! (`Medlems|undersøgelsen`, `Vagtlæge|udvalget`, `minimums|patienttal`), for three uses:
//! soft hyphens at the joints of long words in titles and headings (no Danish hyphenation
//! dictionary in Linux Chromium or on many phones), matching programme items to documents, and
//! search, which accepts a known tail even when the archive never uses it alone.
//!
//! The list is the project's own, written for this purpose: common nouns of meetings, reports,
//! accounts and health care, in their usual inflected forms. Lower case.

/// Known last parts of compounds, lower case, longest forms included so the longest match wins.
/// Kept in byte order (a test checks), so `is_tail` can search it by halves.
pub const TAILS: &[&str] = &[
    "afdeling",
    "afdelingen",
    "aftale",
    "aftalen",
    "aftaler",
    "aftalerne",
    "arbejde",
    "arbejdet",
    "beretning",
    "beretningen",
    "beretninger",
    "bestyrelse",
    "bestyrelsen",
    "bidrag",
    "bidraget",
    "budget",
    "budgettet",
    "debat",
    "debatten",
    "direktør",
    "drift",
    "driften",
    "dækning",
    "dækningen",
    "evaluering",
    "evalueringen",
    "fordeling",
    "fordelingen",
    "forening",
    "foreningen",
    "forhandling",
    "forhandlingen",
    "forhandlinger",
    "formand",
    "formanden",
    "forsamling",
    "forsamlingen",
    "forslag",
    "forslaget",
    "gruppe",
    "gruppen",
    "grupper",
    "honorar",
    "honoraret",
    "indsats",
    "indsatsen",
    "kapacitet",
    "kapaciteten",
    "klinik",
    "klinikken",
    "klinikker",
    "kommune",
    "kommunen",
    "kontingent",
    "kontingentet",
    "kreds",
    "kredsen",
    "kurset",
    "kursus",
    "læge",
    "lægen",
    "læger",
    "lægerne",
    "medlem",
    "medlemmer",
    "medlemmerne",
    "model",
    "modellen",
    "møde",
    "møder",
    "møderne",
    "mødet",
    "niveau",
    "normtal",
    "ordning",
    "ordningen",
    "ordninger",
    "overenskomst",
    "overenskomsten",
    "patient",
    "patienten",
    "patienter",
    "patienterne",
    "patienttal",
    "periode",
    "perioden",
    "plan",
    "planen",
    "politik",
    "praksis",
    "proces",
    "processen",
    "program",
    "programmet",
    "reform",
    "reformen",
    "regel",
    "region",
    "regionen",
    "regler",
    "reglerne",
    "regnskab",
    "regnskabet",
    "repræsentant",
    "repræsentanter",
    "råd",
    "rådet",
    "samarbejde",
    "samarbejdet",
    "sekretariat",
    "sekretariatet",
    "skab",
    "struktur",
    "strukturen",
    "system",
    "systemet",
    "tal",
    "tallet",
    "tilbud",
    "tilbuddet",
    "uddannelse",
    "uddannelsen",
    "udvalg",
    "udvalgene",
    "udvalget",
    "udvalgets",
    "undersøgelse",
    "undersøgelsen",
    "vagt",
    "vagten",
    "vagter",
    "vejledning",
    "vejledningen",
    "ydelse",
    "ydelsen",
    "ydelser",
    "ydernummer",
    "ydernumre",
    "økonomi",
];

/// Is `word` (lower case) a known last part?
pub fn is_tail(word: &str) -> bool {
    TAILS.binary_search(&word).is_ok()
}

/// The longest known last part, in bytes: no longer stretch of a word needs looking up.
const LONGEST_TAIL: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < TAILS.len() {
        if TAILS[i].len() > longest {
            longest = TAILS[i].len();
        }
        i += 1;
    }
    longest
};

/// Shortest first part at a joint, and shortest word worth a soft hyphen.
const MIN_HEAD: usize = 4;
const MIN_HYPHEN_WORD: usize = 12;
/// Shortest last part a soft hyphen goes before: a hyphen before `tal` reads badly.
const MIN_HYPHEN_TAIL: usize = 4;

/// The character offsets (in `word`) of compound joints: before each known tail of at least
/// four letters, heads of at least four letters, found from the end (`vagtlægeudvalget` →
/// `vagtlæge|udvalget` → `vagt|læge|udvalget`).
pub fn joints(word: &str) -> Vec<usize> {
    let lower = word.to_lowercase();
    // Where each character of `lower` begins, and its end: the tails are sliced, not copied.
    let starts: Vec<usize> = lower
        .char_indices()
        .map(|(i, _)| i)
        .chain([lower.len()])
        .collect();
    let chars = starts.len() - 1;
    if chars != word.chars().count() || !lower.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut end = chars;
    while end >= MIN_HEAD + MIN_HYPHEN_TAIL {
        let found = (MIN_HEAD..=end - MIN_HYPHEN_TAIL).find(|&cut| {
            let tail = &lower[starts[cut]..starts[end]];
            tail.len() <= LONGEST_TAIL && is_tail(tail)
        });
        match found {
            Some(cut) => {
                out.push(cut);
                end = cut;
            }
            None => break,
        }
    }
    out.reverse();
    out
}

/// `text` with a soft hyphen (U+00AD) at the compound joints of every word of twelve letters or
/// more, so a browser without Danish hyphenation breaks "Medlemsundersøgelsen" as
/// "Medlems-/undersøgelsen" and never in the middle of a part.
pub fn soft_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_soft_hyphens(text, &mut out);
    out
}

/// `soft_hyphens` onto the end of `out`. The text is copied in stretches: only a long word
/// breaks one, since most headings and table cells have none.
fn push_soft_hyphens(text: &str, out: &mut String) {
    let mut copied = 0;
    // The word being read: where it began and its letters so far.
    let mut word: Option<(usize, usize)> = None;
    let mut hyphenate = |start: usize, end: usize, letters: usize, out: &mut String| {
        if letters < MIN_HYPHEN_WORD {
            return;
        }
        let word = &text[start..end];
        let cuts = joints(word);
        if cuts.is_empty() {
            return;
        }
        out.push_str(&text[copied..start]);
        let mut from = 0;
        for (n, (i, _)) in word.char_indices().enumerate() {
            if cuts.contains(&n) {
                out.push_str(&word[from..i]);
                out.push('\u{00AD}');
                from = i;
            }
        }
        out.push_str(&word[from..]);
        copied = end;
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), word) {
            (true, Some((start, letters))) => word = Some((start, letters + 1)),
            (true, None) => word = Some((i, 1)),
            (false, Some((start, letters))) => {
                hyphenate(start, i, letters, out);
                word = None;
            }
            (false, None) => {}
        }
    }
    if let Some((start, letters)) = word {
        hyphenate(start, text.len(), letters, out);
    }
    out.push_str(&text[copied..]);
}

/// `soft_hyphens` on the text of every heading (`<h1>` to `<h6>`) of an HTML fragment; tags,
/// attributes and the rest of the text are left alone.
pub fn hyphenate_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 32);
    let mut rest = html;
    while let Some(open) = find_heading(rest) {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let level = &from[1..3];
        let close = format!("</{level}>");
        let Some(end) = from.find(&close) else {
            out.push_str(from);
            return out;
        };
        // Text between tags only; a tag left open runs to the end of the heading.
        let mut inner = &from[..end];
        while let Some(lt) = inner.find('<') {
            push_soft_hyphens(&inner[..lt], &mut out);
            let tag_end = inner[lt..].find('>').map_or(inner.len(), |gt| lt + gt + 1);
            out.push_str(&inner[lt..tag_end]);
            inner = &inner[tag_end..];
        }
        push_soft_hyphens(inner, &mut out);
        rest = &from[end..];
    }
    out.push_str(rest);
    out
}

fn find_heading(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    html.match_indices("<h").map(|(i, _)| i).find(|&i| {
        matches!(bytes.get(i + 2), Some(b'1'..=b'6'))
            && matches!(bytes.get(i + 3), Some(b'>') | Some(b' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tails_are_in_byte_order_and_each_is_found() {
        assert!(TAILS.windows(2).all(|w| w[0] < w[1]), "TAILS out of order");
        assert!(TAILS.iter().all(|t| is_tail(t) && t.len() <= LONGEST_TAIL));
        assert!(!is_tail("udvalg ") && !is_tail(""));
    }

    /// `soft_hyphens` as it was first written, a character at a time.
    fn soft_hyphens_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            let cuts = joints(word);
            for (i, c) in word.chars().enumerate() {
                if word.chars().count() >= MIN_HYPHEN_WORD && cuts.contains(&i) {
                    out.push('\u{00AD}');
                }
                out.push(c);
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphabetic() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    /// `hyphenate_headings`' text between tags, as it was first found a character at a time.
    fn heading_by_chars(inner: &str) -> String {
        let (mut out, mut text, mut in_tag) = (String::new(), String::new(), false);
        for c in inner.chars() {
            match c {
                '<' => {
                    out.push_str(&soft_hyphens_by_chars(&text));
                    text.clear();
                    in_tag = true;
                    out.push(c);
                }
                '>' if in_tag => {
                    in_tag = false;
                    out.push(c);
                }
                _ if in_tag => out.push(c),
                _ => text.push(c),
            }
        }
        out + &soft_hyphens_by_chars(&text)
    }

    proptest::proptest! {
        #[test]
        fn soft_hyphens_are_the_same_as_by_characters(
            text in "(Medlems|undersøgelsen|vagt|læge|udvalget|beretning|<|>|<em>|</em| |-|ø|1|\\PC){0,12}"
        ) {
            proptest::prop_assert_eq!(soft_hyphens(&text), soft_hyphens_by_chars(&text));
            let html = format!("<p>{text}</p><h2 id=\"a\">{text}</h2>");
            let expected = format!(
                "<p>{text}</p>{}</h2>",
                heading_by_chars(&format!("<h2 id=\"a\">{text}"))
            );
            proptest::prop_assert_eq!(hyphenate_headings(&html), expected);
        }
    }

    fn shown(s: &str) -> String {
        s.replace('\u{00AD}', "|")
    }

    #[test]
    fn soft_hyphens_go_at_compound_joints_of_long_words() {
        assert_eq!(
            shown(&soft_hyphens("Medlemsundersøgelsen 2024")),
            "Medlems|undersøgelsen 2024"
        );
        assert_eq!(
            shown(&soft_hyphens("Uddannelsesudvalgets beretning")),
            "Uddannelses|udvalgets beretning"
        );
        assert_eq!(
            shown(&soft_hyphens("repræsentantskabsmødet")),
            "repræsentantskabs|mødet"
        );
        assert_eq!(
            shown(&soft_hyphens("Vagtlægeudvalget")),
            "Vagt|læge|udvalget"
        );
        // Short words and words with no known tail are left alone.
        assert_eq!(
            soft_hyphens("Kaffepause og forslag"),
            "Kaffepause og forslag"
        );
        assert_eq!(
            soft_hyphens("Generalforsamling"),
            "General\u{00AD}forsamling"
        );
        assert_eq!(soft_hyphens("Indledningsvis"), "Indledningsvis");
    }

    #[test]
    fn only_heading_text_gets_soft_hyphens() {
        let html = "<h2 id=\"medlemsundersoegelsen\">Medlemsundersøgelsen <em>2024</em></h2><p>Medlemsundersøgelsen</p><hr>";
        let out = hyphenate_headings(html);
        assert_eq!(
            shown(&out),
            "<h2 id=\"medlemsundersoegelsen\">Medlems|undersøgelsen <em>2024</em></h2><p>Medlemsundersøgelsen</p><hr>"
        );
        assert_eq!(
            hyphenate_headings("<header>x</header>"),
            "<header>x</header>"
        );
    }
}
