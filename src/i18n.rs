//! Interface text in Danish and English. Templates ask for words by key (`t.next`), so a theme
//! never hard-codes a language, and a missing translation is a test failure, not a blank.

use crate::config::Language;
use crate::kind::Kind;

/// (key, Danish, English).
const TEXTS: &[(&str, &str, &str)] = &[
    ("home", "Forside", "Home"),
    ("archive", "Arkiv", "Archive"),
    ("search", "Søg", "Search"),
    (
        "search_placeholder",
        "Søg i arkivet …",
        "Search the archive …",
    ),
    ("search_label", "Søg i arkivet", "Search the archive"),
    ("skip_to_content", "Gå til indhold", "Skip to content"),
    ("latest", "Nyeste dokumenter", "Latest documents"),
    ("next_meeting", "Næste møde", "Next meeting"),
    ("latest_meeting", "Seneste møde", "Latest meeting"),
    ("meetings", "Møder", "Meetings"),
    ("meeting", "Møde", "Meeting"),
    ("programme", "Program", "Programme"),
    ("place", "Sted", "Place"),
    ("speaker", "Oplægsholder", "Speaker"),
    (
        "documents_of_meeting",
        "Mødets dokumenter",
        "Documents of the meeting",
    ),
    ("kinds", "Dokumenttyper", "Kinds of document"),
    ("committees", "Udvalg", "Committees"),
    ("committee", "Udvalg", "Committee"),
    ("tags", "Emner", "Topics"),
    ("tag", "Emne", "Topic"),
    ("authors", "Forfattere", "Authors"),
    ("author", "Forfatter", "Author"),
    ("by_year", "Efter år", "By year"),
    ("years", "År", "Years"),
    ("documents", "dokumenter", "documents"),
    ("document", "dokument", "document"),
    ("attachments", "Bilag", "Attachments"),
    ("contents", "Indhold", "Contents"),
    ("previous", "Forrige", "Previous"),
    ("next", "Næste", "Next"),
    ("date", "Dato", "Date"),
    ("kind", "Type", "Kind"),
    ("all_documents", "Alle dokumenter", "All documents"),
    ("see_all", "Se alle", "See all"),
    ("breadcrumb", "Brødkrumme", "Breadcrumb"),
    ("main_nav", "Hovedmenu", "Main menu"),
    ("not_found_title", "Siden findes ikke", "Page not found"),
    (
        "not_found_text",
        "Siden er flyttet eller findes ikke. Prøv at søge, eller gå til arkivet.",
        "The page has moved or does not exist. Try searching, or go to the archive.",
    ),
    ("table", "Tabel (kan rulles)", "Table (scrollable)"),
    ("present", "Vis præsentation", "Present"),
    ("handout", "Udskriv handout", "Print handout"),
    (
        "pack",
        "Mødemappe til udskrift",
        "Meeting pack for printing",
    ),
    ("slides_count", "slides", "slides"),
    ("notes", "Noter", "Notes"),
    ("print", "Udskriv", "Print"),
    ("feed", "Nyhedsfeed (Atom)", "News feed (Atom)"),
    (
        "no_documents",
        "Ingen dokumenter endnu.",
        "No documents yet.",
    ),
    ("pages", "Sider", "Pages"),
    (
        "about_archive",
        "Foreningens arkiv",
        "The association's archive",
    ),
    ("pdfs", "PDF-oversigt", "PDF index"),
    ("links", "Linkoversigt", "Link index"),
    ("page_of", "Side", "Page"),
    ("pagination", "Sidenavigation", "Pagination"),
    (
        "more_in_year",
        "Flere dokumenter fra",
        "More documents from",
    ),
];

/// The word for `key` in `language`; panics in tests if a key is missing (see tests).
pub fn text(language: Language, key: &str) -> &'static str {
    match TEXTS.iter().find(|(k, _, _)| *k == key) {
        Some((_, da, en)) => match language {
            Language::Da => da,
            Language::En => en,
        },
        None => "",
    }
}

/// Every interface text for a language, as templates get it (`t.key`).
pub fn all_texts(language: Language) -> serde_json::Map<String, serde_json::Value> {
    TEXTS
        .iter()
        .map(|(k, da, en)| {
            let v = match language {
                Language::Da => da,
                Language::En => en,
            };
            (k.to_string(), serde_json::Value::String(v.to_string()))
        })
        .collect()
}

/// (singular, plural) label of a kind, e.g. ("Formandsberetning", "Formandsberetninger").
pub fn kind_label(language: Language, kind: Kind) -> (&'static str, &'static str) {
    match (language, kind) {
        (Language::Da, Kind::ChairmanReport) => ("Formandsberetning", "Formandsberetninger"),
        (Language::Da, Kind::CommitteeReport) => ("Udvalgsberetning", "Udvalgsberetninger"),
        (Language::Da, Kind::Newsletter) => ("Nyhedsbrev", "Nyhedsbreve"),
        (Language::Da, Kind::Slides) => ("Slides", "Slides"),
        (Language::Da, Kind::Minutes) => ("Referat", "Referater"),
        (Language::Da, Kind::Accounts) => ("Regnskab", "Regnskaber"),
        (Language::Da, Kind::Meeting) => ("Møde", "Møder"),
        (Language::Da, Kind::Page) => ("Side", "Sider"),
        (Language::En, Kind::ChairmanReport) => ("Chairman's report", "Chairman's reports"),
        (Language::En, Kind::CommitteeReport) => ("Committee report", "Committee reports"),
        (Language::En, Kind::Newsletter) => ("Newsletter", "Newsletters"),
        (Language::En, Kind::Slides) => ("Slides", "Slides"),
        (Language::En, Kind::Minutes) => ("Minutes", "Minutes"),
        (Language::En, Kind::Accounts) => ("Accounts", "Accounts"),
        (Language::En, Kind::Meeting) => ("Meeting", "Meetings"),
        (Language::En, Kind::Page) => ("Page", "Pages"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for (key, da, en) in TEXTS {
            assert!(!da.is_empty() && !en.is_empty(), "{key}");
        }
        assert_eq!(text(Language::Da, "next"), "Næste");
        assert_eq!(text(Language::En, "next"), "Next");
    }
}
