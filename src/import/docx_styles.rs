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
    let mut based_on: HashMap<String, String> = HashMap::new();
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
        if let Some(parent) = style.child("basedOn").and_then(|b| b.attr("val")) {
            based_on.insert(id.to_string(), parent.to_string());
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
    // A house style based on a heading ("Beretning overskrift" on "Overskrift 1") is one too.
    for id in based_on.keys() {
        if styles.roles.contains_key(id) {
            continue;
        }
        let mut current = id;
        for _ in 0..10 {
            let Some(parent) = based_on.get(current) else {
                break;
            };
            if let Some(role) = styles.roles.get(parent).copied() {
                styles.roles.insert(id.clone(), role);
                break;
            }
            current = parent;
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
    fn styles_based_on_headings_are_headings() {
        let root = super::super::ooxml::parse(r#"<w:styles xmlns:w="w">
            <w:style w:styleId="Overskrift1"><w:name w:val="heading 1"/></w:style>
            <w:style w:styleId="Husoverskrift"><w:name w:val="Husoverskrift"/><w:basedOn w:val="Overskrift1"/></w:style>
            <w:style w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Loop"/></w:style>
            <w:style w:styleId="Punkt"><w:name w:val="Punkt"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
        </w:styles>"#).unwrap();
        let s = read_styles(Some(&root));
        assert_eq!(s.roles.get("Husoverskrift"), Some(&StyleRole::Heading(1)));
        assert_eq!(s.roles.get("Kapitel"), Some(&StyleRole::Heading(2)));
        assert_eq!(s.roles.get("Loop"), None);
        assert_eq!(s.numbering.get("Punkt"), Some(&("4".to_string(), 1)));
    }

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
