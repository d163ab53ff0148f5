//! The site's icon: the association's initials on the theme's colour, as `favicon.svg`, made
//! from the theme's `favicon.svg` template (or the default theme's, when a theme has none).
//! A site that keeps its own `content/favicon.svg` or `content/favicon.ico` gets that instead.

use crate::model::Archive;
use std::path::Path;

/// The default theme's icon template, for themes that bring none.
pub const DEFAULT_TEMPLATE: &str = include_str!("../../themes/default/templates/favicon.svg");

/// Whether the site keeps an icon of its own in `content/`.
pub fn has_own(archive: &Archive) -> bool {
    own_files(archive).0 || own_files(archive).1
}

/// Which of `favicon.svg` and `favicon.ico` the site keeps in `content/`.
pub fn own_files(archive: &Archive) -> (bool, bool) {
    let has = |name: &str| archive.assets.iter().any(|a| a == Path::new(name));
    (
        has(crate::routes::FAVICON_SVG),
        has(crate::routes::FAVICON_ICO),
    )
}

/// What the pages link to: `svg` and/or `ico`, relative to the site's root.
pub fn links(archive: &Archive) -> serde_json::Value {
    let (svg, ico) = own_files(archive);
    serde_json::json!({ "svg": svg || !ico, "ico": ico })
}

/// Up to three initials of the association's name, from its capitalised words
/// ("Sønderjysk Forening for Praktiserende Fysioterapeuter" → "SFP"); the first letter of the
/// name when no word is capitalised.
pub fn initials(title: &str) -> String {
    let capitals: String = title
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .filter(|c| c.is_uppercase() || c.is_ascii_digit())
        .take(3)
        .collect();
    if capitals.is_empty() {
        title
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_else(|| "A".to_string())
    } else {
        capitals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_association_names() {
        assert_eq!(
            initials("Sønderjysk Forening for Praktiserende Fysioterapeuter"),
            "SFP"
        );
        assert_eq!(initials("Lægeforeningen i Vestkredsen"), "LV");
        assert_eq!(initials("Ældre Sagens Lokalafdeling"), "ÆSL");
        assert_eq!(initials("foreningen af 1904"), "1");
        assert_eq!(initials("øvrige"), "Ø");
        assert_eq!(initials(""), "A");
    }
}
