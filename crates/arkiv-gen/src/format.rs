//! Small text helpers shared by the planner and the renderers: YAML
//! quoting, capitalisation and Danish amounts.

/// Appends `s` as a YAML double-quoted scalar, so titles with colons or
/// quotes stay valid front matter.
pub(super) fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `s` with its first letter upper-cased, for sentence starts.
pub(super) fn push_capitalized(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase());
        }
        out.push_str(chars.as_str());
    }
}

/// Lower-cases the first letter unless the word is an acronym ("KOL").
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), s.chars().nth(1)) {
        (Some(c), Some(n)) if !n.is_uppercase() => {
            let mut out: String = c.to_lowercase().collect();
            out.push_str(chars.as_str());
            out
        }
        _ => s.to_string(),
    }
}

/// Appends `v` with Danish thousands separators (1.234.567), as amounts are
/// written in Danish accounts.
pub(super) fn push_amount(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let digits = v.unsigned_abs().to_string();
    let b = digits.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if i > 0 && (b.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_yaml_specials() {
        let mut s = String::new();
        push_quoted(&mut s, r#"Tema: "KOL" \ astma"#);
        assert_eq!(s, r#""Tema: \"KOL\" \\ astma""#);
    }

    #[test]
    fn capitalises_the_first_letter_only() {
        let mut s = String::new();
        push_capitalized(&mut s, "øget fokus på KOL");
        push_capitalized(&mut s, "");
        push_capitalized(&mut s, " a");
        assert_eq!(s, "Øget fokus på KOL a");
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Sundhedsreformen"), "sundhedsreformen");
        assert_eq!(lower_first("KOL"), "KOL");
        assert_eq!(
            lower_first("IT og journalsystemer"),
            "IT og journalsystemer"
        );
        assert_eq!(lower_first("Å"), "Å");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn amounts_have_danish_thousands_separators() {
        let mut s = String::new();
        for v in [0, 7, 999, 1000, 25_000, -1_234_567] {
            push_amount(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "0 7 999 1.000 25.000 -1.234.567 ");
    }
}
