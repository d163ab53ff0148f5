//! Control characters are stripped from all text arkiv reads (Markdown files, YAML values,
//! PDF titles and text) before it can reach HTML, XML or JavaScript: XML 1.0 forbids most of
//! them (one `\x01` in a title made `feed.xml` unreadable), and none of them shows on a page.

use std::borrow::Cow;

/// Characters no page, feed or script should carry: C0 controls but tab, line feed and
/// carriage return; DEL; C1 controls; and the non-characters U+FFFE and U+FFFF.
pub fn is_stripped(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f' | '\x7f'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// Whether `text` holds a character `is_stripped` names. Looks at bytes, since every Markdown
/// file passes through here: a stripped character is a byte below a space (but tab, line feed
/// and carriage return) or DEL, a C1 control (`C2 80` to `C2 9F`) or U+FFFE/U+FFFF
/// (`EF BF BE`, `EF BF BF`).
pub fn has_stripped(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        0x00..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        0xef => bytes
            .get(i + 1..i + 3)
            .is_some_and(|n| matches!(n, [0xbf, 0xbe | 0xbf])),
        _ => false,
    })
}

/// `text` without the characters `is_stripped` names; borrowed when there were none.
pub fn strip_control(text: &str) -> Cow<'_, str> {
    if has_stripped(text) {
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
            let needs_key_change = map.keys().any(|k| has_stripped(k));
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
        assert!(has_stripped("\u{fffe}") && has_stripped("a\u{ffff}") && has_stripped("\u{9f}"));
        assert!(!has_stripped("\u{a0}\u{fffd}\u{ff}\u{7f0}\t\r\n"));
    }

    /// Strings of the characters around every byte pattern the scan looks for, and any other.
    fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let near = vec![
            'a', '\t', '\n', '\r', ' ', '\u{1}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}',
            '\u{c0}', '\u{fffd}', '\u{fffe}', '\u{ffff}', '\u{effe}', '\u{fbff}', '\u{ffbe}',
        ];
        proptest::collection::vec(
            prop_oneof![proptest::sample::select(near), any::<char>()],
            0..12,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest::proptest! {
        /// The byte scan finds exactly what a scan of the characters finds.
        #[test]
        fn has_stripped_is_the_same_as_by_characters(text in tricky_text()) {
            proptest::prop_assert_eq!(has_stripped(&text), text.chars().any(is_stripped));
        }
    }
}
