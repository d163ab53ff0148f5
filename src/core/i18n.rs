//! Interface text in Danish and English. Templates ask for words by key (`t.next`), so a theme
//! never hard-codes a language, and a missing translation is a test failure, not a blank.

use crate::core::kind::Kind;

pub use crate::core::language::Language;

/// (key, Danish, English).
const TEXTS: &[(&str, &str, &str)] = &[
    ("home", "Forside", "Home"),
    ("members_area", "Medlemsområde", "Members' area"),
    ("members_banner", "Du er i medlemsområdet: siderne her er kun for foreningens medlemmer. Del dem ikke med andre.", "You are in the members' area: these pages are for the association's members only. Do not share them."),
    ("members_to_public", "Til det offentlige arkiv", "To the public archive"),
    ("members_more", "mere i medlemsområdet", "more in the members' area"),
    ("members_login", "Log ind med dit medlemsnavn og din adgangskode.", "Log in with your member name and password."),
    ("members_only", "Kun for medlemmer", "Members only"),
    ("members_preview_title", "Forhåndsvisning med medlemsdokumenter", "Preview with members' documents"),
    ("members_preview", "Her vises også dokumenter kun for medlemmer, mærket »Kun for medlemmer«. På det udgivne site ligger de i medlemsområdet og ikke på de offentlige sider.", "Members-only documents are shown here too, marked “Members only”. On the published site they are in the members' area, not on the public pages."),
    ("for_members", "for medlemmer", "for members"),
    ("members_meeting", "Hele programmet med medlemmernes dokumenter", "The whole programme with the members' documents"),
    ("archive", "Arkiv", "Archive"),
    ("search", "Søg", "Search"),
    (
        "search_placeholder",
        "Søg i arkivet …",
        "Search the archive …",
    ),
    ("search_label", "Søg i arkivet", "Search the archive"),
    // The header's box is narrow on a phone: a placeholder that is never cut off.
    ("search_placeholder_short", "Søg …", "Search …"),
    ("search_hint", "Skriv et eller flere ord. Tryk / for at søge fra enhver side.", "Type one or more words. Press / to search from any page."),
    ("search_count", "{n} resultater", "{n} results"),
    ("search_one", "1 resultat", "1 result"),
    ("search_none", "Ingen resultater for »{q}«. Prøv et kortere eller andet ord.", "No results for “{q}”. Try a shorter or different word."),
    ("search_partial", "(intet dokument har alle ordene; viser dem med nogle af ordene)", "(no document has every word; showing those with some of them)"),
    ("search_error", "Søgeindekset kunne ikke indlæses. Prøv at genindlæse siden.", "The search index could not be loaded. Try reloading the page."),
    ("search_sort", "Sortér", "Sort"),
    ("search_sort_relevance", "Bedste match", "Best match"),
    ("search_sort_date", "Nyeste først", "Newest first"),
    ("search_more", "Vis flere resultater", "Show more results"),
    ("search_pdf_of", "Bilag til", "Attached to"),
    ("search_filter", "Afgræns", "Narrow down"),
    ("search_noscript", "Søgningen kører i browseren og kræver JavaScript, som er slået fra. Du kan i stedet finde dokumenterne i", "Search runs in your browser and needs JavaScript, which is turned off. You can find the documents in"),
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
    ("slide_word", "slide", "slide"),
    ("notes", "Noter", "Notes"),
    ("print", "Udskriv", "Print"),
    // Presentation, speaker view, handout and meeting pack (issue 4).
    ("of", "af", "of"),
    ("slide", "Slide", "Slide"),
    ("slide_continued", "(forts.)", "(cont.)"),
    ("not_on_programme", "Ikke på programmet", "Not on the programme"),
    ("next_slide", "Næste slide", "Next slide"),
    ("previous_slide", "Forrige slide", "Previous slide"),
    ("current_slide", "Nuværende slide", "Current slide"),
    ("last_slide", "Sidste slide", "Last slide"),
    ("speaker_view", "Talervisning", "Speaker view"),
    ("fullscreen", "Fuld skærm", "Full screen"),
    ("no_notes", "Ingen noter til denne slide.", "No notes for this slide."),
    ("clock", "Klokken", "Time"),
    ("elapsed", "Tid gået", "Elapsed"),
    ("restart_timer", "Nulstil tid", "Restart timer"),
    ("back_to_document", "Tilbage til dokumentet", "Back to the document"),
    (
        "slides_keys",
        "Piletaster, mellemrum, Home/End: skift slide · F: fuld skærm · N: noter · S: talervisning",
        "Arrow keys, space, Home/End: change slide · F: full screen · N: notes · S: speaker view",
    ),
    ("per_page", "Slides pr. side", "Slides per page"),
    (
        "handout_help",
        "Vælg layout, og udskriv på A4. Ved tre pr. side er der linjer til noter; fire og seks pr. side udskrives i liggende format.",
        "Choose a layout and print on A4. Three per page leaves lines for notes; four and six per page print landscape.",
    ),
    ("pages_count", "sider", "pages"),
    ("pack_title", "Mødemappe", "Meeting pack"),
    (
        "pack_help",
        "Programmet og alle mødets dokumenter i programmets rækkefølge, klar til udskrift på A4.",
        "The programme and every document of the meeting in programme order, ready to print on A4.",
    ),
    (
        "print_tip",
        "Tip: Slå browserens »Sidehoved og sidefod« fra i udskriftsvinduet – mappen har sine egne.",
        "Tip: turn off the browser's “Headers and footers” in the print dialog – the pack has its own.",
    ),
    ("pack_empty", "Mødet har ingen dokumenter endnu.", "The meeting has no documents yet."),
    ("section_no", "Afsnit", "Section"),
    ("not_included", "ikke med i mappen", "not included in the pack"),
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
    // PDF index and link index (issue 6).
    ("links_this_archive", "Dette arkiv", "This archive"),
    ("link_kind_internal_page", "Side i arkivet", "Page in the archive"),
    ("link_kind_internal_anchor", "Afsnit i arkivet", "Section in the archive"),
    ("link_kind_attachment", "Fil i arkivet", "File in the archive"),
    ("link_kind_outside_page", "Ekstern side", "Outside page"),
    ("link_kind_outside_pdf", "Ekstern PDF", "Outside PDF"),
    ("link_kind_mailto", "E-mail", "Email"),
    ("link_kind_other", "Andet", "Other"),
    ("link_kind_broken", "Brudt link", "Broken link"),
    ("link_state_ok", "Virker", "Works"),
    ("link_state_redirected", "Omdirigeres", "Redirects"),
    ("link_state_pdf_is_html", "Ikke en PDF", "Not a PDF"),
    ("link_state_broken", "Virker ikke", "Broken"),
    ("filter_label", "Filtrér listen", "Filter the list"),
    ("filter_placeholder", "Titel, fil, websted eller dokument …", "Title, file, website or document …"),
    ("filter_shown", "Viser {n} af {total}", "Showing {n} of {total}"),
    ("filter_none", "Intet passer til filteret.", "Nothing matches the filter."),
    ("group_by", "Gruppér", "Group"),
    ("by_host", "Efter websted", "By website"),
    ("websites", "Websteder", "Websites"),
    ("websites_word", "websteder", "websites"),
    ("website_word", "websted", "website"),
    (
        "pdfs_intro",
        "Alle PDF-filer i arkivet og alle PDF'er, som dokumenterne linker til.",
        "Every PDF file in the archive and every PDF the documents link to.",
    ),
    (
        "links_intro",
        "Alle links i alle dokumenter, samlet efter websted og adresse.",
        "Every link in every document, grouped by website and address.",
    ),
    ("in_archive", "i arkivet", "in the archive"),
    ("outside", "eksterne", "outside"),
    ("cited_in", "Nævnt i", "Cited in"),
    ("line", "linje", "line"),
    ("links_word", "links", "links"),
    ("addresses", "adresser", "addresses"),
    ("link_word", "link", "link"),
    ("address", "adresse", "address"),
    ("checked_at", "Tjekket", "Checked"),
    ("last_check", "Seneste linktjek", "Last link check"),
    (
        "never_checked",
        "Eksterne links er ikke tjekket endnu.",
        "Outside links have not been checked yet.",
    ),
    ("broken_links", "virker ikke", "broken"),
    ("no_pdfs", "Ingen PDF'er endnu.", "No PDFs yet."),
    ("no_links", "Ingen links endnu.", "No links yet."),
    ("continued", "fortsat", "continued"),
    ("continues_next", "fortsætter på næste side", "continues on the next page"),
    ("cited_once", "nævnt 1 gang", "cited once"),
    ("cited_times", "nævnt {n} gange", "cited {n} times"),
    ("links_internal", "Links inden for arkivet", "Links within the archive"),
    ("links_outside", "Eksterne websteder", "Outside websites"),
    ("broken_list", "Links der ikke virker", "Links that do not work"),
    ("broken_more", "flere på webstedernes sider", "more on the websites' pages"),
    ("see_links", "Se alle links", "See every link"),
    ("pdfs_archive_own", "PDF'er i arkivet", "PDFs in the archive"),
    ("see_all", "Se alle", "See all"),
    ("filter_page_note", "Filteret søger på denne side.", "The filter searches this page."),
    ("pager_all", "Alle sider", "All pages"),
    ("cited_all", "Se alle steder, den er nævnt", "See everywhere it is cited"),
    ("moved_to", "flyttet til", "moved to"),
    ("page_word", "side", "page"),
    ("page_of", "Side", "Page"),
    ("pagination", "Sidenavigation", "Pagination"),
    (
        "more_in_year",
        "Flere dokumenter fra",
        "More documents from",
    ),
    // Default theme (issue 3).
    (
        "see_meeting",
        "Se mødet og dets dokumenter",
        "See the meeting and its documents",
    ),
    ("about", "Om foreningen", "About the association"),
    ("minutes_read", "min. læsning", "min read"),
    ("pages_abbr", "s.", "pp."),
    ("browse", "Gennemse", "Browse"),
    ("more_of_kind", "Flere", "More"),
    (
        "serve_errors_title",
        "Siden kan ikke bygges",
        "The site cannot be built",
    ),
    (
        "serve_errors_note",
        "Ret fejlen nedenfor og gem filen; denne besked forsvinder af sig selv. Indtil da vises den seneste version, der virkede.",
        "Fix the problem below and save the file; this message goes away by itself. Until then the last version that worked is shown.",
    ),
    ("serve_errors_hide", "Skjul", "Hide"),
];

/// The word for `key` in `language`; `""` for a key the table lacks, which the tests below and
/// `tests/build.rs` catch for every key a template uses.
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

/// Nouns whose form follows a count, by the name templates give them: (noun, singular key,
/// plural key). Templates write `{{ n | noun(of="document") }}`; the rule is here, once.
const COUNTED: &[(&str, &str, &str)] = &[
    ("document", "document", "documents"),
    ("page", "page_word", "pages_count"),
    ("author", "author", "authors"),
    ("link", "link_word", "links_word"),
    ("address", "address", "addresses"),
    ("website", "website_word", "websites_word"),
    ("slide", "slide_word", "slides_count"),
];

/// The form of `noun` that goes with the count `n`: "1 dokument", "2 dokumenter". Danish and
/// English both take the singular for exactly one. `None` for a noun the table lacks.
pub fn noun(language: Language, n: i64, noun: &str) -> Option<&'static str> {
    let (_, one, many) = COUNTED.iter().find(|(name, _, _)| *name == noun)?;
    Some(text(language, if n == 1 { one } else { many }))
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
    fn counted_nouns_take_the_singular_for_one() {
        assert_eq!(noun(Language::Da, 1, "link"), Some("link"));
        assert_eq!(noun(Language::Da, 1, "address"), Some("adresse"));
        assert_eq!(noun(Language::Da, 2, "address"), Some("adresser"));
        assert_eq!(noun(Language::En, 0, "document"), Some("documents"));
        assert_eq!(noun(Language::Da, 1, "page"), Some("side"));
        assert_eq!(noun(Language::Da, 1, "unknown"), None);
        for (_, one, many) in COUNTED {
            assert!(!text(Language::Da, one).is_empty() && !text(Language::En, many).is_empty());
        }
    }

    #[test]
    fn every_key_has_both_languages() {
        for (key, da, en) in TEXTS {
            assert!(!da.is_empty() && !en.is_empty(), "{key}");
        }
        assert_eq!(text(Language::Da, "next"), "Næste");
        assert_eq!(text(Language::En, "next"), "Next");
    }
}
