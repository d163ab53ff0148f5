//! Pieces shared by the link index and the PDF index pages: a citation, a check result, a
//! host's name, "cited N times", page titles and the pager.

use crate::core::i18n::{text, Language};
use crate::load::link_cache::{format_time, CheckResult};
use crate::model::link_index::Citation;
use crate::model::link_model::Section;
use crate::render::context::Card;
use serde::Serialize;
use serde_json::{json, Value};

/// A citing document as the index shows it.
#[derive(Serialize)]
pub struct CitationView<'a> {
    title: &'a str,
    url: &'a str,
    date: &'a str,
    date_short: &'a str,
    kind: &'static str,
    kind_label: &'static str,
    line: usize,
    text: &'a str,
}

/// A citation as the index shows it. The link text is left out when it only repeats the
/// address (`[formand@x.dk](mailto:formand@x.dk)`).
pub fn citation_view<'a>(c: &'a Citation, cards: &'a [Card], target: &str) -> CitationView<'a> {
    let card = &cards[c.document];
    let bare = target
        .trim_start_matches("mailto:")
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let repeats = c.text == target || c.text == bare || target.ends_with(&format!("/{}", c.text));
    CitationView {
        title: &card.title,
        url: &card.url,
        date: &card.date,
        date_short: &card.date_short,
        kind: card.kind,
        kind_label: card.kind_label,
        line: c.line,
        text: if repeats { "" } else { c.text.as_str() },
    }
}

/// A check result as the templates show it: a state word, the HTTP status, when.
pub fn status_view(r: &CheckResult, lang: Language) -> Value {
    let label = text(
        lang,
        &format!("link_state_{}", r.state.as_str().replace('-', "_")),
    );
    json!({
        "state": r.state.as_str(),
        "label": label,
        "code": r.status,
        "error": r.error_in(lang),
        "final_url": r.final_url,
        "checked_at": format_time(r.checked_at),
        "checked_date": format_time(r.checked_at).get(..10).unwrap_or_default(),
    })
}

pub fn host_label(host: &str, lang: Language) -> String {
    if host.is_empty() {
        text(lang, "links_this_archive").to_string()
    } else {
        host.to_string()
    }
}

/// "cited 3 times", with the singular for one.
pub fn cited(n: usize, lang: Language) -> String {
    if n == 1 {
        text(lang, "cited_once").to_string()
    } else {
        text(lang, "cited_times").replace("{n}", &n.to_string())
    }
}

/// Numbered links to every page of a section; on the first page each is labelled with its
/// first and last row, so a member can leaf through a long host like a dictionary.
pub fn pager(
    section: &Section,
    base: &str,
    current: usize,
    row_label: &dyn Fn(usize) -> String,
) -> Value {
    let pages: Vec<Value> = section
        .pages
        .iter()
        .enumerate()
        .map(|(p, rows)| {
            json!({
                "number": p + 1,
                "url": section.url(base, p),
                "current": p == current,
                // Only the first page lists every page with its range (see index_pager.html).
                "first": rows.first().filter(|_| current == 0).map(|s| row_label(s.row)),
                "last": rows.last().filter(|_| current == 0).map(|s| row_label(s.row)),
            })
        })
        .collect();
    json!({
        "number": current + 1,
        "count": section.pages.len(),
        "pages": pages,
        "previous": current.checked_sub(1).map(|p| section.url(base, p)),
        "next": (current + 1 < section.pages.len()).then(|| section.url(base, current + 1)),
    })
}

pub fn page_title(label: &str, index_title: &str, page: usize, lang: Language) -> String {
    if page == 0 {
        format!("{label} · {index_title}")
    } else {
        format!(
            "{label} · {index_title} · {} {}",
            text(lang, "page_of"),
            page + 1
        )
    }
}
