//! Control characters are stripped from all text arkiv reads (Markdown files, YAML values,
//! PDF titles and text) before it can reach HTML, XML or JavaScript: XML 1.0 forbids most of
//! them (one `\x01` in a title made `feed.xml` unreadable), and none of them shows on a page.

use std::borrow::Cow;

/// Characters no page, feed or script should carry: C0 controls but tab, line feed and
/// carriage return; DEL; C1 controls; and the non-characters U+FFFE and U+FFFF.
pub fn is_stripped(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\x7f'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// `text` without the characters `is_stripped` names; borrowed when there were none.
pub fn strip_control(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_stripped) {
        Cow::Owned(text.chars().filter(|&c| !is_stripped(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Strips every string (keys included) in a parsed YAML value, where escapes such as `"\x01"`
/// can produce control characters that the file itself does not contain.
pub fn strip_yaml(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            if let Cow::Owned(clean) = strip_control(s) {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_yaml),
        Value::Object(map) => {
            let needs_key_change = map.keys().any(|k| k.chars().any(is_stripped));
            if needs_key_change {
                let old = std::mem::take(map);
                for (k, mut v) in old {
                    strip_yaml(&mut v);
                    map.insert(strip_control(&k).into_owned(), v);
                }
            } else {
                map.values_mut().for_each(strip_yaml);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_controls_keeps_text_and_line_breaks() {
        assert_eq!(
            strip_control("Bere\x01tning\x7f\u{85}\tæøå\r\n"),
            "Beretning\tæøå\r\n"
        );
        assert!(matches!(strip_control("ren tekst"), Cow::Borrowed(_)));
    }
}
