//! Every URL the site has, decided in one place. All URLs here are relative to the site root
//! and name a folder (`2025/beretning/`) or a file (`feed.xml`); pages turn them into relative
//! links with `core::urls::relative`, so a site works from any sub-path and from disk.

/// URL folders the theme uses for its own pages; a page slug may not take them.
pub const RESERVED_SLUGS: &[&str] = &[
    ARCHIVE, KINDS, COMMITTEES, TAGS, AUTHORS, MEETINGS, SEARCH, PDFS, LINKS, STATIC,
];

/// The archive by year (`archive/`, `archive/2025/`).
pub const ARCHIVE: &str = "archive";
/// Documents by kind (`kinds/chairman-report/`).
pub const KINDS: &str = "kinds";
/// Committees (`committees/`, `committees/<slug>/`).
pub const COMMITTEES: &str = "committees";
/// Tags (`tags/`, `tags/<slug>/`).
pub const TAGS: &str = "tags";
/// Authors (`authors/`, `authors/<slug>/`).
pub const AUTHORS: &str = "authors";
/// Every meeting (`meetings/`).
pub const MEETINGS: &str = "meetings";
/// Search in the browser (`search/`) and its index files (`search/index/…`).
pub const SEARCH: &str = "search";
/// Every PDF (`pdfs/`, `pdfs/<year>/`, `pdfs/host-<host>/`).
pub const PDFS: &str = "pdfs";
/// Every link (`links/`, `links/<host>/`).
pub const LINKS: &str = "links";
/// The theme's files (`static/arkiv.css`).
pub const STATIC: &str = "static";

/// The search index files.
pub const SEARCH_INDEX: &str = "search/index";

/// The Atom feed.
pub const FEED: &str = "feed.xml";
/// The sitemap.
pub const SITEMAP: &str = "sitemap.xml";
/// The site's icon: made from the association's initials, or the site's own
/// `content/favicon.svg`.
pub const FAVICON_SVG: &str = "favicon.svg";
/// A site's own icon in the older format, `content/favicon.ico`, used when it has one.
pub const FAVICON_ICO: &str = "favicon.ico";
/// The image shared pages show in link previews (`og:image`): the site's own
/// `content/og-image.png` or `.jpg`, else a card arkiv makes as `og-image.png`.
pub const OG_IMAGE_PNG: &str = "og-image.png";
/// A site's own share image as a JPEG (`content/og-image.jpg`).
pub const OG_IMAGE_JPG: &str = "og-image.jpg";
/// The page a web server shows for an unknown address.
pub const NOT_FOUND: &str = "404.html";

/// A document's folder: `2025/slug/` when dated, `slug/` for a page.
pub fn document(year: Option<i32>, slug: &str) -> String {
    match year {
        Some(year) => format!("{year}/{slug}/"),
        None => format!("{slug}/"),
    }
}

/// A deck's presentation and speaker view, under the deck's folder.
pub fn presentation(deck_url: &str) -> String {
    format!("{deck_url}slides/")
}

/// A deck's printable handout, under the deck's folder.
pub fn handout(deck_url: &str) -> String {
    format!("{deck_url}handout/")
}

/// A meeting's printable pack, under the meeting's folder.
pub fn pack(meeting_url: &str) -> String {
    format!("{meeting_url}pack/")
}

/// The archive's overview, or one year of it.
pub fn archive(year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{ARCHIVE}/{y}/"),
        None => format!("{ARCHIVE}/"),
    }
}

/// The documents of one kind.
pub fn kind(kind: &str) -> String {
    format!("{KINDS}/{kind}/")
}

/// A group of documents (committee, tag, author) by its folder and slug; the list of all
/// groups of that sort when `slug` is `None`.
pub fn group(folder: &str, slug: Option<&str>) -> String {
    match slug {
        Some(slug) => format!("{folder}/{slug}/"),
        None => format!("{folder}/"),
    }
}

/// A top-level section with no parameters (`meetings/`, `search/`, `pdfs/`, `links/`).
pub fn section(folder: &str) -> String {
    format!("{folder}/")
}

/// Page `page` (0-based) of a section of the link or PDF index: `links/<slug>/`,
/// `links/<slug>/2/`.
pub fn index_page(folder: &str, slug: &str, page: usize) -> String {
    match page {
        0 => format!("{folder}/{slug}/"),
        p => format!("{folder}/{slug}/{}/", p + 1),
    }
}

/// A theme file published under `static/`.
pub fn static_file(name: &str) -> String {
    format!("{STATIC}/{name}")
}

/// The fixed URLs as templates get them (`{{ root }}{{ routes.archive }}`), so a theme never
/// spells out a folder of its own. `public` is how the pages reach the public site (`""`, or
/// `"../"` from the members' area, which is a site of its own one folder down): the theme's
/// files, the icon and the feed are the public site's. `members` is the members' area's home
/// from these pages, when the site has one (`members/` from the public site, `""` inside it).
pub fn for_templates(public: &str, members: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "archive": archive(None),
        "meetings": section(MEETINGS),
        "committees": group(COMMITTEES, None),
        "tags": group(TAGS, None),
        "authors": group(AUTHORS, None),
        "search": section(SEARCH),
        "search_index": format!("{SEARCH_INDEX}/"),
        "pdfs": section(PDFS),
        "links": section(LINKS),
        "static": format!("{public}{}", section(STATIC)),
        "feed": format!("{public}{FEED}"),
        "favicon_svg": format!("{public}{FAVICON_SVG}"),
        "favicon_ico": format!("{public}{FAVICON_ICO}"),
        "public_home": public,
        "members": members,
        // The members' area's index holds only its own documents; its search page reads the
        // public site's index too.
        "search_public_index": (members == Some("")).then(|| format!("{public}{SEARCH_INDEX}/")),
    })
}

/// The members' area's `.htaccess`, inside its folder.
pub const HTACCESS: &str = ".htaccess";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_live_under_their_year_and_pages_at_the_root() {
        assert_eq!(document(Some(2025), "beretning"), "2025/beretning/");
        assert_eq!(document(None, "om"), "om/");
        assert_eq!(presentation("2025/deck/"), "2025/deck/slides/");
        assert_eq!(handout("2025/deck/"), "2025/deck/handout/");
        assert_eq!(pack("2025/gf/"), "2025/gf/pack/");
    }

    #[test]
    fn index_pages_count_from_two_after_the_first() {
        assert_eq!(index_page(LINKS, "example-dk", 0), "links/example-dk/");
        assert_eq!(index_page(PDFS, "2024", 2), "pdfs/2024/3/");
    }

    #[test]
    fn every_reserved_folder_is_a_section() {
        for r in RESERVED_SLUGS {
            assert_eq!(section(r), format!("{r}/"));
        }
        assert_eq!(RESERVED_SLUGS.len(), 10);
    }
}
