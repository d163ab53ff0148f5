//! Rendering: every page of the site is a `Page` job rendered through Tera, in parallel.
//! Jobs are listed from the model, so serve can re-render just the pages an edit touches.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::i18n;
use crate::core::kind::Kind;
use crate::core::urls::root_prefix;
use crate::load::theme::Theme;
use crate::model::Archive;
use cards::{map, Cards};
use rayon::prelude::*;
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;

pub mod area;
pub mod cards;
pub mod context;
pub mod deck;
mod errors;
pub mod favicon;
pub mod feeds;
pub mod link_rows;
pub mod links;
pub mod meta;
pub mod minify;
pub mod og_image;
pub mod pack;
pub mod pages;
pub mod pdfs;
mod stroke_font;
pub mod styles;
pub mod templates;
use errors::template_errors;
pub use pages::{all_pages, page_path, Page};

/// How many of the newest documents the home page lists.
pub const HOME_LATEST: usize = 8;
/// How many of each year's newest documents the archive page shows.
pub const YEAR_LATEST: usize = 3;

/// The documents the home page lists as the latest: the newest that are not meetings.
pub fn home_latest(archive: &Archive) -> impl Iterator<Item = usize> + '_ {
    let ix = &archive.indexes;
    ix.dated
        .iter()
        .copied()
        .filter(|&i| archive.documents[i].front.kind != Kind::Meeting)
        .take(HOME_LATEST)
}

/// A rendered output file.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Relative to the output folder, with `/`.
    pub path: String,
    pub contents: Vec<u8>,
}

/// Tera with the theme loaded, plus what every page needs.
pub struct Renderer<'a> {
    pub tera: Arc<tera::Tera>,
    pub archive: &'a Archive,
    pub theme: &'a Theme,
    pub cards: Cards,
    /// What every page gets the same of — `site`, `t` (interface words), `routes` (the site's
    /// own sections: `{{ root }}{{ routes.archive }}`), `kinds` and `favicon` — made into Tera values once
    /// per build: Tera's values share their contents, so each page takes a cheap copy instead
    /// of converting the ~150 interface words again.
    shared: Vec<(&'static str, tera::Value)>,
}

/// The context entries every page shares (see `Renderer::shared`).
fn shared_context(archive: &Archive) -> Vec<(&'static str, tera::Value)> {
    let config = &archive.config;
    let site = json!({
        "title": config.title,
        "description": config.description,
        "language": config.language.code(),
        "base_url": config.base_url,
    });
    vec![
        ("site", tera::Value::from_serializable(&site)),
        (
            "t",
            tera::Value::from_serializable(&i18n::all_texts(config.language)),
        ),
        (
            "routes",
            tera::Value::from_serializable(&area::routes_for(archive)),
        ),
        (
            "kinds",
            tera::Value::from_serializable(&context::kind_nav(archive)),
        ),
        (
            "favicon",
            tera::Value::from_serializable(&favicon::links(archive)),
        ),
        (
            "members",
            tera::Value::from_serializable(&area::members_context(archive)),
        ),
    ]
}

impl<'a> Renderer<'a> {
    /// Loads the theme's templates into Tera; a broken template is an error naming its file and line.
    /// For rendering each page once: the cards' Tera values are not kept (`Cards::uncached`).
    pub fn new(archive: &'a Archive, theme: &'a Theme) -> Result<Self, Diagnostics> {
        let tera = templates::load_templates(&archive.config, theme)?;
        Ok(Self::with_parts(
            archive,
            theme,
            Arc::new(tera),
            Cards::uncached(archive),
        ))
    }

    /// A renderer from templates loaded before (`templates::load_templates` with this
    /// archive's settings and theme) and the archive's cards (`Cards::of`), which serve keeps
    /// between rebuilds.
    pub fn with_parts(
        archive: &'a Archive,
        theme: &'a Theme,
        tera: Arc<tera::Tera>,
        cards: Cards,
    ) -> Self {
        Renderer {
            tera,
            archive,
            theme,
            cards,
            shared: shared_context(archive),
        }
    }

    /// Every page the site has, in a stable order.
    pub fn all_pages(&self) -> Vec<Page> {
        all_pages(self.archive)
    }

    /// Output path of a page, relative to the output folder.
    pub fn page_path(&self, page: Page) -> String {
        page_path(self.archive, page)
    }

    /// Renders pages in parallel; template errors are collected, not fatal per page.
    pub fn render_pages(&self, pages: &[Page]) -> (Vec<OutputFile>, Diagnostics) {
        let results: Vec<Result<OutputFile, Diagnostic>> =
            pages.par_iter().map(|&p| self.render_page(p)).collect();
        let mut files = Vec::with_capacity(results.len());
        let mut problems = Diagnostics::default();
        for r in results {
            match r {
                Ok(f) => files.push(f),
                Err(d) => problems.push(d),
            }
        }
        (files, problems)
    }

    /// Renders pages in parallel and hands each to `sink` as soon as it is done, so a build
    /// can write pages without holding the whole site in memory.
    pub fn render_pages_into(
        &self,
        pages: &[Page],
        sink: &(dyn Fn(OutputFile) + Sync),
    ) -> Diagnostics {
        let problems: Vec<Diagnostic> = pages
            .par_iter()
            .filter_map(|&p| match self.render_page(p) {
                Ok(f) => {
                    sink(f);
                    None
                }
                Err(d) => Some(d),
            })
            .collect();
        Diagnostics { items: problems }
    }

    /// The context every template gets: site, words, navigation and where the page sits.
    pub fn base_context(&self, page_url: &str) -> tera::Context {
        let mut ctx = tera::Context::new();
        for (key, value) in &self.shared {
            ctx.insert_value(*key, value.clone());
        }
        ctx.insert("root", &root_prefix(page_url));
        ctx.insert("page_url", page_url);
        ctx.insert("section", "");
        ctx
    }

    /// Renders one page.
    pub fn render_page(&self, page: Page) -> Result<OutputFile, Diagnostic> {
        let path = self.page_path(page);
        let page_url = path
            .strip_suffix("index.html")
            .unwrap_or(if path.contains('/') { &path } else { "" })
            .to_string();
        let page_url = if page_url.ends_with(".xml") || page_url.ends_with(".html") {
            String::new()
        } else {
            page_url
        };
        let mut ctx = self.base_context(&page_url);
        let (template, source) = self.fill_context(page, &mut ctx);
        let title = ctx
            .get("title")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        ctx.insert(
            "meta",
            &meta::page_meta(self.archive, page, title.as_deref(), &page_url),
        );
        ctx.insert("styles", &self.styles(page));
        // Into bytes, as the page is written: Tera's output is UTF-8, and checking it again
        // as a `String` would read every page once more.
        let mut html = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &ctx, &mut html)
            .map_err(|e| {
                // The first problem is enough for one page; the template is the same for all.
                template_errors(self.theme, &e, source.as_deref()).swap_remove(0)
            })?;
        // XML 1.0 forbids control characters; text is stripped of them as it is read, and the
        // feed and sitemap are stripped again here, whatever a template puts in.
        if path.ends_with(".xml") {
            let text = String::from_utf8_lossy(&html);
            html = crate::core::sanitize::strip_control(&text)
                .into_owned()
                .into_bytes();
        }
        Ok(OutputFile {
            path,
            contents: html,
        })
    }

    /// The layout stylesheets the page links (see `styles`).
    fn styles(&self, page: Page) -> Vec<&'static str> {
        let document = match page {
            Page::Document(i) => self.archive.documents.get(i),
            _ => None,
        };
        styles::for_page(page, document, |name| {
            self.theme.static_files.iter().any(|f| f.name == name)
        })
    }

    fn list_context(
        &self,
        ctx: &mut tera::Context,
        title: &str,
        kicker: &str,
        indices: &[usize],
        section: &str,
    ) {
        ctx.insert("title", title);
        ctx.insert("kicker", kicker);
        ctx.insert("count", &indices.len());
        let groups = self.cards.by_year(indices);
        // A year page holds one group, whose heading would repeat the page's own: it stays for
        // screen readers and the heading outline, hidden from sight.
        let repeats_title = match groups.as_slice() {
            [(year, _)] => year.map(|y| y.to_string()).as_deref() == Some(title),
            _ => false,
        };
        let groups: Vec<tera::Value> = groups.into_iter().map(|(_, group)| group).collect();
        ctx.insert_value("groups", tera::Value::from(groups));
        ctx.insert("group_heading_repeats_title", &repeats_title);
        ctx.insert("section", section);
    }

    fn fill_context(&self, page: Page, ctx: &mut tera::Context) -> (&'static str, Option<PathBuf>) {
        let a = self.archive;
        let ix = &a.indexes;
        let lang = a.config.language;
        let t = |k| i18n::text(lang, k);
        match page {
            Page::Home => {
                let latest = self.cards.list(home_latest(a));
                let today = crate::core::calendar::today();
                let upcoming = ix
                    .meetings
                    .iter()
                    .rev()
                    .find(|&&m| a.documents[m].front.date.is_some_and(|d| d >= today))
                    .copied();
                let (featured, is_upcoming) = match upcoming {
                    Some(m) => (Some(m), true),
                    None => (ix.meetings.first().copied(), false),
                };
                ctx.insert_value("latest", latest);
                ctx.insert(
                    "featured_meeting",
                    &featured.map(|m| context::document_page(a, &self.cards, m)),
                );
                ctx.insert("meeting_is_upcoming", &is_upcoming);
                ctx.insert(
                    "years",
                    &ix.years
                        .iter()
                        .rev()
                        .map(|(y, d)| json!({"year": y, "count": d.len()}))
                        .collect::<Vec<_>>(),
                );
                ctx.insert_value("pages", self.cards.list(ix.pages.iter().copied()));
                ctx.insert("section", "home");
                ("home.html", None)
            }
            Page::Document(i) => {
                let doc = &a.documents[i];
                ctx.insert("doc", &context::document_page(a, &self.cards, i));
                ctx.insert(
                    "section",
                    match doc.front.kind {
                        Kind::Page => "page",
                        Kind::Meeting => "meetings",
                        _ => "archive",
                    },
                );
                let template = if doc.front.kind == Kind::Meeting {
                    "meeting.html"
                } else {
                    "document.html"
                };
                (template, Some(doc.source.clone()))
            }
            Page::ArchiveIndex => {
                ctx.insert("title", t("archive"));
                let years: Vec<tera::Value> = ix
                    .years
                    .iter()
                    .rev()
                    .map(|(&y, d)| {
                        map([
                            ("year", tera::Value::from(y)),
                            ("count", tera::Value::from(d.len())),
                            ("url", tera::Value::from(crate::routes::archive(Some(y)))),
                            (
                                "latest",
                                self.cards.list(d.iter().copied().take(YEAR_LATEST)),
                            ),
                        ])
                    })
                    .collect();
                ctx.insert_value("years", tera::Value::from(years));
                ctx.insert(
                    "committees",
                    &context::group_summaries(&ix.committees, crate::routes::COMMITTEES),
                );
                ctx.insert("section", "archive");
                ("archive.html", None)
            }
            Page::Year(y) => {
                let docs = ix.years.get(&y).map(Vec::as_slice).unwrap_or(&[]);
                self.list_context(ctx, &y.to_string(), t("archive"), docs, "archive");
                ("list.html", None)
            }
            Page::Kind(k) => {
                let docs = ix.kinds.get(&k).map(Vec::as_slice).unwrap_or(&[]);
                self.list_context(
                    ctx,
                    i18n::kind_label(lang, k).1,
                    t("kinds"),
                    docs,
                    "archive",
                );
                ("list.html", None)
            }
            Page::Committee(g) => {
                self.list_context(
                    ctx,
                    &ix.committees[g].name,
                    t("committee"),
                    &ix.committees[g].documents,
                    "archive",
                );
                ("list.html", None)
            }
            Page::Tag(g) => {
                self.list_context(
                    ctx,
                    &ix.tags[g].name,
                    t("tag"),
                    &ix.tags[g].documents,
                    "archive",
                );
                ("list.html", None)
            }
            Page::Author(g) => {
                self.list_context(
                    ctx,
                    &ix.authors[g].name,
                    t("author"),
                    &ix.authors[g].documents,
                    "archive",
                );
                ("list.html", None)
            }
            Page::CommitteeIndex | Page::TagIndex | Page::AuthorIndex => {
                let (groups, prefix, title) = match page {
                    Page::CommitteeIndex => {
                        (&ix.committees, crate::routes::COMMITTEES, t("committees"))
                    }
                    Page::TagIndex => (&ix.tags, crate::routes::TAGS, t("tags")),
                    _ => (&ix.authors, crate::routes::AUTHORS, t("authors")),
                };
                ctx.insert("title", title);
                ctx.insert("groups", &context::group_summaries(groups, prefix));
                ctx.insert("section", "archive");
                ("groups.html", None)
            }
            Page::Meetings => {
                let meetings: Vec<tera::Value> = ix
                    .meetings
                    .iter()
                    .map(|&m| {
                        let docs = ix.meeting_documents.get(&m).map_or(&[][..], Vec::as_slice);
                        map([
                            ("meeting", self.cards.value(m)),
                            (
                                "place",
                                tera::Value::from(a.documents[m].front.place.clone()),
                            ),
                            ("documents", self.cards.list(docs.iter().copied())),
                        ])
                    })
                    .collect();
                ctx.insert("title", t("meetings"));
                ctx.insert_value("meetings", tera::Value::from(meetings));
                ctx.insert("section", "meetings");
                ("meetings.html", None)
            }
            Page::Feed => {
                feeds::feed_context(a, ctx);
                ("feed.xml", None)
            }
            Page::Sitemap => {
                feeds::sitemap_context(a, ctx);
                ("sitemap.xml", None)
            }
            Page::Pdfs | Page::Links | Page::LinkHost(..) | Page::PdfGroup(..) => {
                let view = crate::render::links::index_page(a, &self.cards, page);
                ctx.insert("title", &view.title);
                ctx.insert_value("index", view.context);
                ctx.insert("section", "archive");
                (view.template, None)
            }
            Page::NotFound => {
                ctx.insert("title", t("not_found_title"));
                // Written at the root, so its links are relative from there (and work from
                // disk); served at any depth, its script sets a <base>: the path of base_url
                // when the address is under it, else the server's root (as in a preview).
                let (_, path) = feeds::host_and_path(&a.config.base_url);
                ctx.insert("root", "");
                ctx.insert("base_path", &path);
                ("404.html", None)
            }
            Page::Presentation(i) => {
                crate::render::deck::presentation_context(a, i, ctx);
                ("slides.html", Some(a.documents[i].source.clone()))
            }
            Page::Handout(i) => {
                crate::render::deck::handout_context(a, i, ctx);
                ("handout.html", Some(a.documents[i].source.clone()))
            }
            Page::Pack(i) => {
                crate::render::pack::pack_context(a, i, ctx);
                ("pack.html", Some(a.documents[i].source.clone()))
            }
            Page::Search => {
                ctx.insert("title", t("search"));
                ctx.insert("section", "search");
                ("search.html", None)
            }
            Page::Favicon => {
                ctx.insert("initials", &favicon::initials(&a.config.title));
                ("favicon.svg", None)
            }
        }
    }
}
