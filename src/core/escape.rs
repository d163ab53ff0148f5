//! Escaping, one function per context: HTML text and attribute values, and CSS strings in a
//! `<style>` element. Templates escape with `write_html` too (`render::templates` gives it to
//! Tera), so a value is escaped the same wherever it is written.

/// The replacement of a byte HTML text and attribute values must not carry as it is.
fn entity(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    }
}

/// `text` as the stretches it keeps and the entities that replace bytes between them.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut pending: Option<&'static str> = None;
    std::iter::from_fn(move || {
        if let Some(replacement) = pending.take() {
            return Some(replacement);
        }
        let at = rest.bytes().position(|b| entity(b).is_some());
        let Some(at) = at else {
            return Some(std::mem::take(&mut rest)).filter(|s| !s.is_empty());
        };
        let (kept, tail) = rest.split_at(at);
        pending = tail.bytes().next().and_then(entity);
        // The replaced byte is ASCII: one byte on is a character boundary.
        rest = tail.get(1..).unwrap_or_default();
        if kept.is_empty() {
            pending.take()
        } else {
            Some(kept)
        }
    })
}

/// Escapes text for HTML element content and attribute values.
pub fn html(text: &str) -> String {
    pieces(text).collect()
}

/// `html` written to `out`, the stretches between the five characters it replaces copied
/// whole: Tera's own escaper wrote every byte with a call of its own, 2 % of a build.
pub fn write_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    pieces(text).try_for_each(|piece| out.write_all(piece.as_bytes()))
}

/// Text made safe inside a double-quoted CSS string in a `<style>` element: every character
/// that could end the string, the rule or the element is written as a hex escape.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        let plain = c.is_ascii_alphanumeric()
            || matches!(c, ' ' | '.' | ',' | '-' | ':' | '(' | ')')
            || (!c.is_ascii() && !c.is_control());
        if plain {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:X} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// A word placed inside an already quoted CSS string.
pub fn css_string_bare(word: &str) -> String {
    let quoted = css_string(word);
    quoted[1..quoted.len() - 1].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_cannot_open_a_tag_or_end_an_attribute() {
        assert_eq!(
            html("<b>\"Tom & Jerry's\""),
            "&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;"
        );
        assert_eq!(html("Møde & ål"), "Møde &amp; ål");
    }

    proptest::proptest! {
        /// Escaped as Tera's own escaper escapes, a byte at a time.
        #[test]
        fn html_is_escaped_as_tera_escapes(text in "([&<>\"'aæ ]|\\PC){0,24}") {
            let mut tera = Vec::new();
            tera::escape_html(&text, &mut tera).map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
            proptest::prop_assert_eq!(html(&text).into_bytes(), tera);
        }
    }

    #[test]
    fn css_strings_cannot_end_the_string_the_rule_or_the_element() {
        assert_eq!(css_string("Møde 2025"), "\"Møde 2025\"");
        assert_eq!(css_string("a\nb"), "\"a\\A b\"");
        let tricky = css_string("a\"b\\c</style>{x}\u{1}");
        assert!(
            !tricky[1..tricky.len() - 1].contains(['"', '\n', '<', '>', '{', '}', '\u{1}']),
            "{tricky}"
        );
        assert_eq!(css_string_bare("af"), "af");
        assert_eq!(css_string_bare("a\"b"), "a\\22 b");
    }
}
