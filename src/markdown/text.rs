//! Plain-text helpers around Markdown: Danish dates that must not become lists, text cleaned
//! of PDF copy-paste debris, and excerpts for lists.

/// Danish writes dates as "28. januar"; at the start of a line Markdown reads that as an
/// ordered list starting at 28. A line (or bullet) that starts with a day and a month name is
/// a date, so its dot is escaped. Line numbers are unchanged.
pub fn keep_dates_as_text(body: &str) -> std::borrow::Cow<'_, str> {
    let needs = |line: &str| -> Option<usize> {
        let indent = line.len() - line.trim_start().len();
        let mut rest = &line[indent..];
        let mut offset = indent;
        for marker in ["- ", "* ", "+ ", "> "] {
            if let Some(r) = rest.strip_prefix(marker) {
                let trimmed = r.trim_start();
                offset += marker.len() + (r.len() - trimmed.len());
                rest = trimmed;
                break;
            }
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) || !rest[digits..].starts_with(". ") {
            return None;
        }
        let word: String = rest[digits + 2..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        crate::core::dates::is_month_name(&word).then_some(offset + digits)
    };
    if !body.lines().any(|l| needs(l).is_some()) {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len() + 16);
    for line in body.split_inclusive('\n') {
        match needs(line) {
            Some(dot) => {
                out.push_str(&line[..dot]);
                out.push('\\');
                out.push_str(&line[dot..]);
            }
            None => out.push_str(line),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How `word_count` sees a byte: ASCII white space, the first byte of a character that may be
/// non-ASCII white space (`C2`, `E1`, `E2`, `E3`), or anything else.
const BYTE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
            0xc2 | 0xe1..=0xe3 => 2,
            _ => 0,
        };
        b += 1;
    }
    class
};

/// The number of words in `text`, as `split_whitespace().count()` counts them, from the bytes:
/// every section of every document is counted. Without branches on the common bytes, as
/// text swaps between letters and spaces too often for a branch to be guessed: a byte after
/// the first of a character is as the character began, and only a character that begins with
/// `C2`, `E1`, `E2` or `E3` can be non-ASCII white space.
pub fn word_count(text: &str) -> usize {
    let (mut count, mut space) = (0, true);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let class = BYTE_CLASS[usize::from(b)];
        let now = if class == 2 {
            text.get(i..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_whitespace)
        } else {
            (class == 1) | ((b & 0xc0 == 0x80) & space)
        };
        count += usize::from(!now & space);
        space = now;
    }
    count
}

/// Drops soft hyphens and squeezes runs of spaces, as text pulled from PDFs is full of both.
/// A space after a line break is dropped too. Works on bytes: the text is copied in stretches
/// that end only where something changes (a second space, a tab, a no-break space, a soft
/// hyphen), since every body and slide passes through here.
pub fn clean_text(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Whether the last character kept is a space or a line break.
    let mut last_space = false;
    // The stretch not yet copied begins at `run`.
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        // A tab, a no-break space (C2 A0) or a soft hyphen (C2 AD) is replaced, and a space
        // after a space dropped; each starts a character, so the stretches copied end and
        // begin at character boundaries.
        let (width, space) = match (bytes[i], bytes.get(i + 1)) {
            (b' ', _) if last_space => (1, false),
            (b' ' | b'\n', _) => {
                last_space = true;
                i += 1;
                continue;
            }
            (b'\t', _) => (1, true),
            (0xC2, Some(0xA0)) => (2, true),
            (0xC2, Some(0xAD)) => (2, false),
            _ => {
                last_space = false;
                i += 1;
                continue;
            }
        };
        out.push_str(&text[run..i]);
        if space && !last_space {
            out.push(' ');
            last_space = true;
        }
        i += width;
        run = i;
    }
    out.push_str(&text[run..]);
    out
}

/// The first `max_chars` characters of `text` cut at a word, for list summaries.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count() + usize::from(count > 0);
        if count + len > max_chars {
            if out.is_empty() {
                out = word.chars().take(max_chars).collect();
            }
            return format!("{}…", out.trim_end_matches([',', '.', ';', ':']));
        }
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        count += len;
    }
    out
}

/// Collects a body's prose while it is rendered: paragraphs and top-level list items in order
/// (headings, tables and code left out), the top-level list items alone, and every table's
/// cells by row. Summaries are made from it (`model::summary`).
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub blocks: Vec<String>,
    pub items: Vec<String>,
    pub tables: Vec<Vec<Vec<String>>>,
    table: usize,
    code: bool,
    list: usize,
    current: String,
    cell: String,
    row: Vec<String>,
}

impl Prose {
    /// Inside a table, whose cells get soft hyphens at compound joints so a narrow screen can
    /// break "Driftsbidrag fra vagtlæge-ordningen" without scrolling sideways.
    pub fn in_table(&self) -> bool {
        self.table > 0
    }

    /// Takes one event; `in_heading` while a heading's text is open.
    pub fn event(&mut self, event: &pulldown_cmark::Event<'_>, in_heading: bool) {
        use pulldown_cmark::{Event, Tag, TagEnd};
        match event {
            Event::Start(Tag::Table(_)) => {
                self.table += 1;
                self.tables.push(Vec::new());
            }
            Event::End(TagEnd::Table) => self.table = self.table.saturating_sub(1),
            Event::End(TagEnd::TableCell) => self
                .row
                .push(std::mem::take(&mut self.cell).trim().to_string()),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                let row = std::mem::take(&mut self.row);
                if let Some(t) = self.tables.last_mut() {
                    t.push(row);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => self.code = true,
            Event::End(TagEnd::CodeBlock) => self.code = false,
            Event::Start(Tag::List(_)) => self.list += 1,
            Event::End(TagEnd::List(_)) => self.list = self.list.saturating_sub(1),
            Event::End(TagEnd::Item) if self.list == 1 => {
                let item = std::mem::take(&mut self.current).trim().to_string();
                if !item.is_empty() {
                    self.items.push(item.clone());
                    self.blocks.push(item);
                }
            }
            Event::End(TagEnd::Paragraph) if self.list == 0 && self.table == 0 => {
                let block = std::mem::take(&mut self.current).trim().to_string();
                if !block.is_empty() {
                    self.blocks.push(block);
                }
            }
            Event::Text(t) | Event::Code(t) if !in_heading => {
                if self.table > 0 {
                    self.cell.push_str(t);
                } else if !self.code && self.list <= 1 {
                    self.current.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak if !in_heading && self.table == 0 => {
                self.current.push(' ')
            }
            _ => {}
        }
    }
}

/// Letter-spaced text closed up: "B E R E T N I N G   2 0 2 5" → "BERETNING 2025". A run of
/// three or more single letters or digits, one space apart, is one word.
pub fn close_up(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        if run.len() >= 3 {
            out.push(run.concat());
        } else {
            out.extend(run.iter().map(|s| s.to_string()));
        }
        run.clear();
    };
    // Words of the text with the number of spaces before each.
    let mut spaces = 0;
    let mut word = String::new();
    let mut words: Vec<(usize, String)> = Vec::new();
    for c in text.chars() {
        if c == ' ' {
            if !word.is_empty() {
                words.push((spaces, std::mem::take(&mut word)));
                spaces = 0;
            }
            spaces += 1;
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        words.push((spaces, word));
    }
    for (i, (before, w)) in words.iter().enumerate() {
        let single = w.chars().count() == 1 && w.chars().all(char::is_alphanumeric);
        if single && (run.is_empty() || (*before == 1 && i > 0)) {
            run.push(w);
            continue;
        }
        flush(&mut run, &mut out);
        if single {
            run.push(w);
        } else {
            out.push(w.clone());
        }
    }
    flush(&mut run, &mut out);
    out.join(" ")
}

/// Marks a letter's closing ("Med venlig hilsen", "Venlig hilsen", "Mvh", "Kind regards") as
/// `<p class="closing">`, so print keeps it on one page with the name under it and the text
/// before it (arkiv.css).
pub fn mark_closings(html: String) -> String {
    const CLOSINGS: &[&str] = &[
        "med venlig hilsen",
        "venlig hilsen",
        "med venlige hilsner",
        "de bedste hilsner",
        "mvh",
        "kind regards",
        "best regards",
        "yours sincerely",
    ];
    const LONGEST_CLOSING: usize = "med venlige hilsner".len();
    // Room for a closing with spaces and commas around it.
    const LOOK_BYTES: usize = 64;
    // A closing is a few words, ended by the paragraph or a line break: only the start of a
    // paragraph is looked at, so a long one is not read twice.
    let is_closing = |inner: &str| {
        let head = &inner.as_bytes()[..inner.len().min(LOOK_BYTES)];
        let end = head
            .windows(3)
            .position(|w| w == b"</p" || w == b"<br")
            .or((inner.len() <= LOOK_BYTES).then_some(inner.len()));
        end.is_some_and(|end| {
            // `end` is at a `<` or the end: a character boundary.
            let text = inner[..end]
                .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
                .trim();
            text.len() <= LONGEST_CLOSING + 8 && {
                let lower = text.to_lowercase();
                CLOSINGS.contains(&lower.trim_end_matches([',', '.', '!']))
            }
        })
    };
    let closings: Vec<usize> = html
        .match_indices("<p>")
        .map(|(at, _)| at)
        .filter(|&at| is_closing(&html[at + 3..]))
        .collect();
    // Most texts have none, and are handed back as they are.
    if closings.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 16 * closings.len());
    let mut from = 0;
    for at in closings {
        out.push_str(&html[from..at]);
        out.push_str("<p class=\"closing\">");
        from = at + 3;
    }
    out.push_str(&html[from..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn letter_spacing_is_closed_up() {
        assert_eq!(
            super::close_up("B E R E T N I N G   2 0 2 5"),
            "BERETNING 2025"
        );
        assert_eq!(
            super::close_up("F O R E N I N G E N for læger"),
            "FORENINGEN for læger"
        );
        assert_eq!(
            super::close_up("Punkt a og b i dagsordenen"),
            "Punkt a og b i dagsordenen"
        );
    }

    /// `clean_text` as it was first written, a character at a time: the byte-wise one must
    /// give the same text for any input.
    fn clean_text_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut last_space = false;
        for ch in text.chars() {
            match ch {
                '\u{ad}' => {}
                ' ' | '\t' | '\u{a0}' => {
                    if !last_space {
                        out.push(' ');
                    }
                    last_space = true;
                }
                _ => {
                    out.push(ch);
                    last_space = ch == '\n';
                }
            }
        }
        out
    }

    #[test]
    fn clean_text_drops_soft_hyphens_and_squeezes_spaces() {
        assert_eq!(
            super::clean_text("Med\u{ad}lems \t\u{a0} møde\n  næste\u{ad}\u{a0}linje ¢"),
            "Medlems møde\nnæste linje ¢"
        );
        assert_eq!(super::clean_text(""), "");
        assert_eq!(super::clean_text("  \u{ad}"), " ");
    }

    #[test]
    fn words_are_counted_between_any_white_space() {
        assert_eq!(super::word_count(""), 0);
        assert_eq!(
            super::word_count("  én\tto\u{a0}tre\u{3000}fire\u{2028} "),
            4
        );
        assert_eq!(super::word_count("æøå\u{85}\u{200b}x"), 2);
    }

    proptest::proptest! {
        #[test]
        fn word_count_is_split_whitespace_count(
            text in "([a-zæ \\t\\n\u{b}\u{1c}\u{85}\u{a0}\u{a1}\u{1680}\u{2000}\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}\u{3001}]|\\PC){0,20}"
        ) {
            proptest::prop_assert_eq!(super::word_count(&text), text.split_whitespace().count());
        }

        #[test]
        fn clean_text_is_the_same_as_by_characters(
            text in "([a-zæøå\\n \\t\u{a0}\u{a1}\u{a2}\u{ad}\u{ae}\u{c2}\u{100}]|\\PC){0,40}"
        ) {
            proptest::prop_assert_eq!(super::clean_text(&text), clean_text_by_chars(&text));
        }
    }

    #[test]
    fn closings_are_marked() {
        assert_eq!(
            super::mark_closings(
                "<p>Tak.</p>\n<p>Med venlig hilsen</p>\n<p>Ditte<br />formand</p>".into()
            ),
            "<p>Tak.</p>\n<p class=\"closing\">Med venlig hilsen</p>\n<p>Ditte<br />formand</p>"
        );
        assert_eq!(
            super::mark_closings("<p>Med venlig hilsen fra os alle i bestyrelsen</p>".into()),
            "<p>Med venlig hilsen fra os alle i bestyrelsen</p>"
        );
        // Ended by a line break, with the name under it; a long paragraph that begins like a
        // closing is none; a closing with nothing after it at the end of the text is one.
        let long = format!("<p>Mvh {}</p>", "og så videre ".repeat(20));
        assert_eq!(super::mark_closings(long.clone()), long);
        assert_eq!(
            super::mark_closings("<p>Mvh,<br />Ditte</p><p>Kind regards".into()),
            "<p class=\"closing\">Mvh,<br />Ditte</p><p class=\"closing\">Kind regards"
        );
    }

    use super::*;
    use crate::markdown::render;

    #[test]
    fn danish_dates_at_line_start_are_not_lists() {
        let r = render(
            "28. januar 2025 holder vi møde.\n\n- 1. maj: fridag\n\n1. Første punkt\n",
            1,
            "Tabel",
        );
        assert!(
            r.html.contains("<p>28. januar 2025 holder vi møde.</p>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<li>1. maj: fridag</li>"), "{}", r.html);
        assert!(
            r.html.contains("<ol>"),
            "real numbered lists stay lists: {}",
            r.html
        );
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(
            excerpt("Kære kollegaer, året har været travlt", 20),
            "Kære kollegaer, året…"
        );
        assert_eq!(excerpt("Kort", 20), "Kort");
    }
}
