//! Minifying what ships: templates once when the theme is loaded (so pages come out of Tera
//! compact), and the theme's CSS and JavaScript once per build with minify-html's CSS
//! (lightningcss) and JS (oxc) minifiers. See README, "What minify-html costs and saves".

/// Minifies a template once, when the theme is loaded: every run of white space that holds a
/// line break becomes one line break (outside `<pre>` and `<textarea>`), which renders the
/// same and removes the templates' indentation. Pages then come out of Tera already compact.
///
/// Why not minify-html on every page: the Markdown part of a page is compact already, and
/// running minify-html over all pages cost 14 s of a 24 s build at 10,000 documents to save
/// under 6 % of the bytes (see README, Benchmarks). minify-html cannot minify the templates
/// themselves: it does not understand `{% if %}` inside a tag.
pub fn minify_template(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while !rest.is_empty() {
        let lower_pre = find_ci(rest, "<pre")
            .into_iter()
            .chain(find_ci(rest, "<textarea"))
            .min();
        let (chunk, verbatim_end) = match lower_pre {
            Some(start) => {
                let close = if rest[start..].to_ascii_lowercase().starts_with("<pre") {
                    "</pre>"
                } else {
                    "</textarea>"
                };
                let end =
                    find_ci(&rest[start..], close).map_or(rest.len(), |e| start + e + close.len());
                (&rest[..start], Some((start, end)))
            }
            None => (rest, None),
        };
        collapse_into(chunk, &mut out);
        match verbatim_end {
            Some((start, end)) => {
                out.push_str(&rest[start..end]);
                rest = &rest[end..];
            }
            None => rest = "",
        }
    }
    out
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn collapse_into(text: &str, out: &mut String) {
    let mut run = String::new();
    for ch in text.chars() {
        if ch.is_whitespace() {
            run.push(ch);
            continue;
        }
        if !run.is_empty() {
            out.push_str(if run.contains('\n') { "\n" } else { &run });
            run.clear();
        }
        out.push(ch);
    }
    if !run.is_empty() {
        out.push_str(if run.contains('\n') { "\n" } else { &run });
    }
}

/// Minifies the theme's CSS with minify-html's CSS minifier (lightningcss), once per build.
pub fn minify_css(css: &str) -> String {
    let cfg = minify_html::Cfg {
        minify_css: true,
        ..minify_html::Cfg::default()
    };
    minify_inside("style", css, &cfg)
}

/// Minifies one of the theme's scripts with minify-html's JS minifier (oxc), once per build.
pub fn minify_js(js: &str) -> String {
    let cfg = minify_html::Cfg {
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    minify_inside("script", js, &cfg)
}

/// minify-html minifies CSS and JS inside their elements: wraps `text` in `<tag>`, minifies,
/// unwraps. Text the minifier cannot take (or empties) ships as it is.
fn minify_inside(tag: &str, text: &str, cfg: &minify_html::Cfg) -> String {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let wrapped = format!("{open}{text}{close}");
    let minified =
        String::from_utf8(minify_html::minify(wrapped.as_bytes(), cfg)).unwrap_or_default();
    match minified
        .strip_prefix(open.as_str())
        .and_then(|m| m.strip_suffix(close.as_str()))
    {
        Some(inner) if !inner.trim().is_empty() => inner.to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_lose_indentation_but_keep_pre_and_inline_spaces() {
        let t = "<ul>\n    <li>{{ a }} <b>x</b></li>\n  </ul>\n<pre>\n  kode\n    her\n</pre>";
        assert_eq!(
            minify_template(t),
            "<ul>\n<li>{{ a }} <b>x</b></li>\n</ul>\n<pre>\n  kode\n    her\n</pre>"
        );
    }

    #[test]
    fn css_is_minified() {
        let css = ".a {\n  color: #ffffff;\n}\n";
        let m = minify_css(css);
        assert!(m.len() < css.len() && m.contains(".a{"), "{m}");
    }

    #[test]
    fn scripts_are_minified_and_still_say_the_same() {
        let js = "function greet(name) {\n    // a comment\n    const greeting = 'Hej ' + name;\n    return greeting;\n}\n";
        let m = minify_js(js);
        assert!(m.len() < js.len(), "{m}");
        assert!(!m.contains("a comment") && m.contains("Hej "), "{m}");
    }

    #[test]
    fn a_script_the_minifier_cannot_read_ships_as_it_is() {
        let broken = "function ( {";
        assert_eq!(minify_js(broken), broken);
    }
}
