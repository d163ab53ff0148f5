//! The parts of a Word file that say what paragraphs are: styles (which are headings or the
//! title, in English or Danish names) and list numbering (bullets or numbers per level).

use super::ooxml::Node;
use std::collections::HashMap;

/// What a paragraph style means for Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleRole {
    Title,
    Heading(usize),
}

pub struct Styles {
    pub roles: HashMap<String, StyleRole>,
    /// Styles that carry their own list numbering (e.g. "List Bullet"): id → (numId, level).
    pub numbering: HashMap<String, (String, usize)>,
}

/// "Heading 1", "heading1", "Overskrift 1" → heading 1; "Title", "Titel" → title.
fn role_of(name: &str) -> Option<StyleRole> {
    let n: String = name
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if n == "title" || n == "titel" {
        return Some(StyleRole::Title);
    }
    for prefix in ["heading", "overskrift"] {
        if let Some(level) = n.strip_prefix(prefix).and_then(|l| l.parse::<usize>().ok()) {
            return Some(StyleRole::Heading(level.clamp(1, 3)));
        }
    }
    None
}

pub fn read_styles(root: Option<&Node>) -> Styles {
    let mut styles = Styles {
        roles: HashMap::new(),
        numbering: HashMap::new(),
    };
    let Some(root) = root else {
        return styles;
    };
    for style in root.children_named("style") {
        let Some(id) = style.attr("styleId") else {
            continue;
        };
        let name = style
            .child("name")
            .and_then(|n| n.attr("val"))
            .unwrap_or("");
        let outline = style
            .path(&["pPr", "outlineLvl"])
            .and_then(|o| o.attr("val"))
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|l| *l < 9)
            .map(|l| StyleRole::Heading((l + 1).min(3)));
        if let Some(role) = role_of(name).or_else(|| role_of(id)).or(outline) {
            styles.roles.insert(id.to_string(), role);
        }
        if let Some(num) = style.path(&["pPr", "numPr"]) {
            if let Some(num_id) = num.child("numId").and_then(|n| n.attr("val")) {
                let level = num
                    .child("ilvl")
                    .and_then(|n| n.attr("val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                styles
                    .numbering
                    .insert(id.to_string(), (num_id.to_string(), level));
            }
        }
    }
    styles
}

/// numId → level → ordered?
pub fn read_numbering(root: Option<&Node>) -> HashMap<String, Vec<bool>> {
    let mut out = HashMap::new();
    let Some(root) = root else {
        return out;
    };
    let mut abstracts: HashMap<String, Vec<bool>> = HashMap::new();
    for a in root.children_named("abstractNum") {
        let levels = a
            .children_named("lvl")
            .map(|l| {
                let fmt = l
                    .child("numFmt")
                    .and_then(|f| f.attr("val"))
                    .unwrap_or("bullet");
                !matches!(fmt, "bullet" | "none")
            })
            .collect();
        if let Some(id) = a.attr("abstractNumId") {
            abstracts.insert(id.to_string(), levels);
        }
    }
    for num in root.children_named("num") {
        let (Some(id), Some(abs)) = (
            num.attr("numId"),
            num.child("abstractNumId").and_then(|a| a.attr("val")),
        ) else {
            continue;
        };
        if let Some(levels) = abstracts.get(abs) {
            out.insert(id.to_string(), levels.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_names_in_english_and_danish() {
        assert_eq!(role_of("heading 1"), Some(StyleRole::Heading(1)));
        assert_eq!(role_of("Overskrift 2"), Some(StyleRole::Heading(2)));
        assert_eq!(role_of("Overskrift5"), Some(StyleRole::Heading(3)));
        assert_eq!(role_of("Titel"), Some(StyleRole::Title));
        assert_eq!(role_of("Title"), Some(StyleRole::Title));
        assert_eq!(role_of("Normal"), None);
    }
}
