//! The theme's templates loaded into Tera, with arkiv's filters. Loading parses every template,
//! so serve keeps the result between rebuilds and loads again only when `site.yaml`, a template
//! or the theme changes.

use crate::core::diagnostics::{Diagnostic, Diagnostics};
use crate::core::i18n;
use crate::load::config::SiteConfig;
use crate::load::theme::Theme;
use crate::render::errors::template_errors;
use crate::render::{favicon, minify};

/// Parses the theme's templates for a site with `config` (its language names the counted
/// nouns; `minify` strips the templates' indentation); a broken template is an error naming
/// its file and line.
pub fn load_templates(config: &SiteConfig, theme: &Theme) -> Result<tera::Tera, Diagnostics> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    tera.set_escape_fn(crate::core::escape::write_html);
    let language = config.language;
    tera.register_filter(
        "noun",
        move |n: i64, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let of: &str = kwargs.must_get("of")?;
            i18n::noun(language, n, of)
                .map(str::to_string)
                .ok_or_else(|| {
                    tera::Error::message(format!("noun: no counted noun \"{of}\" in core/i18n.rs"))
                })
        },
    );
    // Soft hyphens at Danish compound joints, for titles shown as headings.
    tera.register_filter(
        "hyphenate",
        |text: &str, _: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            Ok(crate::core::compound::soft_hyphens(text))
        },
    );
    let mut problems = Diagnostics::default();
    let mut sources = Vec::new();
    for t in &theme.templates {
        match std::str::from_utf8(&t.contents) {
            Ok(text) if config.minify && t.name.ends_with(".html") => {
                sources.push((t.name.clone(), minify::minify_template(text)))
            }
            Ok(text) => sources.push((t.name.clone(), text.to_string())),
            Err(_) => problems.push(
                Diagnostic::error(
                    t.origin.clone(),
                    crate::core::messages::msg("template.not_utf8", &[]),
                )
                .hint(crate::core::messages::msg("file.not_utf8.hint", &[])),
            ),
        }
    }
    if !sources.iter().any(|(n, _)| n == "favicon.svg") {
        sources.push(("favicon.svg".into(), favicon::DEFAULT_TEMPLATE.into()));
    }
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
        problems.extend(template_errors(theme, &e, None));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(tera)
}
