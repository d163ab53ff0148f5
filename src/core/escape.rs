//! Escaping, one function per context: HTML text and attribute values, and CSS strings in a
//! `<style>` element. (Templates escape with Tera's own HTML escaper; these are for the few
//! places Rust writes markup or CSS itself.)

/// Escapes text for HTML element content and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
