//! Which of the theme's stylesheets a page links: `arkiv.css`, which every page shares
//! (header, type, badges, footer, print basics), then the files of its page type, so a page
//! does not carry the rules of every other page. A document links the table and contents
//! rules only when it has a table or a table of contents. Files the
//! theme does not have are left out, so a theme with one `arkiv.css` keeps working.
//! Templates with a sheet of their own (search, indexes, slides, handout, pack) still link
//! it in their `head` block, after these.

use crate::core::kind::Kind;
use crate::model::Document;
use crate::render::pages::Page;

/// Every page's own stylesheet.
pub const COMMON: &str = "arkiv.css";

/// The layout stylesheets, in the order they are linked (the order of the rules before they
/// were split, so the cascade is the same whichever subset a page links).
pub const ALL: [&str; 10] = [
    COMMON,
    "home.css",
    "overview.css",
    "entries.css",
    "lists.css",
    "document.css",
    "toc.css",
    "prose.css",
    "tables.css",
    "meeting.css",
];

/// The stylesheets a page links, in cascade order, among those `has` says the theme has;
/// `document` is the document of a `Page::Document`.
pub fn for_page(
    page: Page,
    document: Option<&Document>,
    has: impl Fn(&str) -> bool,
) -> Vec<&'static str> {
    let wanted: Vec<&str> = match page {
        Page::Home => vec!["home.css", "overview.css", "entries.css", "meeting.css"],
        Page::ArchiveIndex | Page::NotFound => vec!["overview.css"],
        Page::Year(_)
        | Page::Kind(_)
        | Page::Committee(_)
        | Page::Tag(_)
        | Page::Author(_)
        | Page::Meetings => vec!["entries.css", "lists.css"],
        Page::CommitteeIndex | Page::TagIndex | Page::AuthorIndex => vec!["lists.css"],
        // The PDF and link indexes bring their own indexes.css.
        Page::Pdfs | Page::PdfGroup(..) | Page::LinkHost(..) => vec!["entries.css"],
        Page::Links => vec![],
        Page::Document(_) => document.map(document_sheets).unwrap_or_default(),
        Page::Handout(_) => vec!["tables.css"],
        Page::Pack(_) => vec!["prose.css", "tables.css"],
        Page::Search => vec![],
        // Not HTML pages of the layout: the deck's presentation has its own stylesheet.
        Page::Presentation(_) | Page::Feed | Page::Sitemap | Page::Favicon => return vec![],
    };
    ALL.iter()
        .copied()
        .filter(|s| (*s == COMMON || wanted.contains(s)) && has(s))
        .collect()
}

fn document_sheets(d: &Document) -> Vec<&'static str> {
    let mut sheets = vec!["document.css", "prose.css"];
    if d.front.kind == Kind::Meeting {
        // A meeting's page shows its programme and documents, not a table of contents.
        sheets.extend(["entries.css", "meeting.css"]);
    } else if crate::render::context::has_toc(d) {
        sheets.push("toc.css");
    }
    if d.has_table {
        sheets.push("tables.css");
    }
    sheets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_keep_the_cascade_order_and_skip_what_the_theme_lacks() {
        let all = |_: &str| true;
        assert_eq!(
            for_page(Page::Home, None, all),
            [
                "arkiv.css",
                "home.css",
                "overview.css",
                "entries.css",
                "meeting.css"
            ]
        );
        assert_eq!(
            for_page(Page::ArchiveIndex, None, all),
            ["arkiv.css", "overview.css"]
        );
        assert_eq!(for_page(Page::Search, None, all), ["arkiv.css"]);
        assert!(for_page(Page::Presentation(0), None, all).is_empty());
        let only_common = |s: &str| s == COMMON;
        assert_eq!(for_page(Page::Home, None, only_common), ["arkiv.css"]);
    }
}
