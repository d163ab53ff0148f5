//! Slugs and heading anchors: one rule for both, so writers can predict every URL and `#anchor`.

/// The longest slug, so every URL path segment stays far below file systems' 255-byte limit
/// for a name (with room for the staging folder's name beside it).
pub const MAX_SLUG_LEN: usize = 80;

/// Lower-case ASCII slug: æ→ae, ø→oe, å→aa, other accents dropped, anything else becomes `-`.
/// A slug longer than `MAX_SLUG_LEN` is cut and ends in a hash of the whole slug, so two long
/// names that start alike still get different slugs, the same on every build.
pub fn slugify(text: &str) -> String {
    let full = slugify_uncut(text);
    if full.len() <= MAX_SLUG_LEN {
        return full;
    }
    let hash = fnv1a(full.as_bytes());
    // The slug is ASCII, so any byte index is a character boundary.
    let cut = full[..MAX_SLUG_LEN - 9].trim_end_matches('-');
    format!("{cut}-{hash:08x}")
}

/// 32-bit FNV-1a: small, stable across Rust versions and platforms (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// `slugify` without the length limit, to tell the user that a chosen slug is too long.
pub fn slugify_uncut(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        let mapped: Option<&str> = match ch {
            'æ' => Some("ae"),
            'ø' => Some("oe"),
            'å' => Some("aa"),
            'ä' => Some("a"),
            'ö' => Some("o"),
            'ü' => Some("u"),
            'ß' => Some("ss"),
            _ => None,
        };
        let mut one = [0; 4];
        let piece: &str = match mapped {
            Some(s) => s,
            None if ch.is_ascii_alphanumeric() => ch.encode_utf8(&mut one),
            None => match strip_accent(ch) {
                Some(c) => c.encode_utf8(&mut one),
                None => {
                    pending_dash = true;
                    continue;
                }
            },
        };
        if pending_dash && !out.is_empty() {
            out.push('-');
        }
        pending_dash = false;
        out.push_str(piece);
    }
    out
}

/// Latin letters with diacritics that Danish writers meet in names (é, ü, ñ, ...).
fn strip_accent(ch: char) -> Option<char> {
    let base = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        'đ' | 'ð' => 'd',
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn danish_letters_are_spelt_out() {
        assert_eq!(
            slugify("Formandens beretning 2025"),
            "formandens-beretning-2025"
        );
        assert_eq!(
            slugify("Lægevagten på Århus Sygehus"),
            "laegevagten-paa-aarhus-sygehus"
        );
        assert_eq!(slugify("Økonomi & budget"), "oekonomi-budget");
    }

    #[test]
    fn accents_dropped_and_punctuation_collapsed() {
        assert_eq!(slugify("Café — Résumé!"), "cafe-resume");
        assert_eq!(slugify("  --Hej--  "), "hej");
        assert_eq!(slugify("§105 botilbud"), "105-botilbud");
        assert_eq!(slugify(""), "");
    }

    #[test]
    fn long_slugs_are_cut_with_a_hash_and_stay_distinct() {
        let a = slugify(&format!("{} a", "lægevagt ".repeat(40)));
        let b = slugify(&format!("{} b", "lægevagt ".repeat(40)));
        assert!(a.len() <= super::MAX_SLUG_LEN && b.len() <= super::MAX_SLUG_LEN);
        assert_ne!(a, b);
        assert_eq!(a, slugify(&format!("{} a", "lægevagt ".repeat(40))));
        assert!(a.starts_with("laegevagt-laegevagt-"), "{a}");
        let short = "x".repeat(super::MAX_SLUG_LEN);
        assert_eq!(slugify(&short), short);
    }
}
