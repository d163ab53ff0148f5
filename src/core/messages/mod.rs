//! Messages the command line prints (summaries, progress, usage errors, the new commands), in
//! the site's language. One table per language (`da.rs`, `en.rs`) maps a key to a text with
//! `{placeholders}`; a test fails when a key or a placeholder exists in only one of them.
//!
//! Which language: `--lang`, then `ARKIV_LANG`, then the site's `language:` in `site.yaml`,
//! and before a site is found the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).

mod da;
mod en;

use crate::core::language::Language;
use std::fmt::Display;

/// The messages of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Messages {
    pub language: Language,
}

/// One language's messages: a key and its text.
type Table = &'static [(&'static str, &'static str)];

/// The tables of one language (one per part of arkiv, see `da.rs` and `en.rs`).
fn tables(language: Language) -> &'static [Table] {
    match language {
        Language::Da => da::TABLES,
        Language::En => en::TABLES,
    }
}

/// Every (key, text) of one language.
fn entries(language: Language) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    tables(language).iter().flat_map(|t| t.iter())
}

impl Messages {
    pub fn new(language: Language) -> Messages {
        Messages { language }
    }

    /// The text for `key`; English if the key is missing in this language (the completeness
    /// test keeps that from happening), the key itself if it is missing everywhere.
    pub fn get(&self, key: &'static str) -> &'static str {
        self.lookup(key).unwrap_or(key)
    }

    /// The text for `key` in this language, else in English.
    fn lookup(&self, key: &str) -> Option<&'static str> {
        let find = |language| {
            entries(language)
                .find(|(k, _)| *k == key)
                .map(|(_, text)| *text)
        };
        find(self.language).or_else(|| find(Language::En))
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &'static str, args: &[(&str, &dyn Display)]) -> String {
        fill_template(self.get(key), args)
    }

    /// `key.one` when `n` is 1, `key.other` otherwise; `{n}` is filled in as well as `args`.
    pub fn count(&self, key: &'static str, n: usize, args: &[(&str, &dyn Display)]) -> String {
        let variant = match (key, n == 1) {
            (k, true) => plural_key(k, "one"),
            (k, false) => plural_key(k, "other"),
        };
        let mut all: Vec<(&str, &dyn Display)> = vec![("n", &n)];
        all.extend_from_slice(args);
        fill_template(self.get(variant), &all)
    }

    /// `value` with `places` decimals, written as this language writes numbers: "1,5" in
    /// Danish, "1.5" in English.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.language {
            Language::Da => text.replace('.', ","),
            Language::En => text,
        }
    }

    /// The name of a stage of the build or of a rebuild (`load`, `model steps` …) as
    /// `--timings` prints it: the message `stage.load`, `stage.model_steps`, or the name itself.
    pub fn stage<'a>(&self, name: &'a str) -> &'a str {
        let key = format!("stage.{}", name.replace(' ', "_"));
        self.lookup(&key).unwrap_or(name)
    }

    /// `error: message` with an optional `  hint: …` line, labels in this language.
    pub fn error(&self, message: &str, hint: Option<&str>) -> String {
        let mut out = format!("{}: {message}", self.get("label.error"));
        if let Some(hint) = hint {
            out.push_str(&format!("\n  {}: {hint}", self.get("label.hint")));
        }
        out
    }
}

/// A message in both languages: made by `core::messages::msg` from the message tables, or
/// from plain text that has no translation yet (then both languages show it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub da: Option<String>,
}

impl From<String> for Text {
    fn from(en: String) -> Text {
        Text { en, da: None }
    }
}

impl Text {
    /// The text in `language` (English where there is no translation).
    pub fn in_language(&self, language: Language) -> &str {
        match (&self.da, language) {
            (Some(da), Language::Da) => da,
            _ => &self.en,
        }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl From<&str> for Text {
    fn from(en: &str) -> Text {
        Text {
            en: en.to_string(),
            da: None,
        }
    }
}

/// A text made in each language by `build`, for a text put together from several messages
/// ("7 slides, 1 hidden slide left out").
pub fn each(build: impl Fn(Messages) -> String) -> Text {
    Text {
        en: build(Messages::new(Language::En)),
        da: Some(build(Messages::new(Language::Da))),
    }
}

/// A message from the tables in both languages, for a `Diagnostic`: `msg("diag.unknown_kind",
/// &[("kind", &name)])`. The terminal and serve then show the site's language.
pub fn msg(key: &'static str, args: &[(&str, &dyn Display)]) -> Text {
    Text {
        en: Messages::new(Language::En).fill(key, args),
        da: Some(Messages::new(Language::Da).fill(key, args)),
    }
}

/// The language of the few lines the library prints itself, deep inside a command (a build
/// waiting for another's lock): 0 unset (English), 1 Danish, 2 English. The command line sets
/// it once it knows the language; everything else is handed its `Messages`.
static PRINTED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the language of the lines the library prints itself (see `printed`).
pub fn set_printed(language: Language) {
    let code = match language {
        Language::Da => 1,
        Language::En => 2,
    };
    PRINTED.store(code, std::sync::atomic::Ordering::Relaxed);
}

/// The messages for a line the library prints itself, in the language the command line chose.
pub fn printed() -> Messages {
    match PRINTED.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Messages::new(Language::Da),
        _ => Messages::new(Language::En),
    }
}

/// The key of a plural variant; keys are static, so the variants are looked up in a list.
fn plural_key(key: &'static str, variant: &str) -> &'static str {
    entries(Language::En)
        .map(|(k, _)| *k)
        .find(|k| {
            k.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| rest == variant)
        })
        .unwrap_or(key)
}

/// Replaces every `{name}` in `template` with its value; unknown names are left as written.
pub fn fill_template(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A language name as given to `--lang`, `ARKIV_LANG` or a locale (`da`, `da_DK.UTF-8`, `en-GB`).
pub fn parse_language(text: &str) -> Option<Language> {
    let lower = text.trim().to_ascii_lowercase();
    let code = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
    match code {
        "da" | "dansk" | "danish" => Some(Language::Da),
        "en" | "english" | "engelsk" => Some(Language::En),
        _ => None,
    }
}

/// The user's locale from the environment, as POSIX orders it.
pub fn locale_language() -> Option<Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| parse_language(&value))
}

/// The language the user asked for whatever the site says: `flag` (`--lang`), then `ARKIV_LANG`.
pub fn override_language(flag: Option<Language>) -> Option<Language> {
    flag.or_else(|| {
        std::env::var("ARKIV_LANG")
            .ok()
            .and_then(|v| parse_language(&v))
    })
}

/// Chooses the language of the messages: `flag` (`--lang`), `ARKIV_LANG`, the site's
/// language (`load::config::site_language`) when there is a site, the locale, English.
pub fn choose(flag: Option<Language>, site: Option<Language>) -> Language {
    override_language(flag)
        .or(site)
        .or_else(locale_language)
        .unwrap_or(Language::En)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_message_exists_in_both_languages_with_the_same_placeholders() {
        for (this, other, name) in [
            (Language::Da, Language::En, "en"),
            (Language::En, Language::Da, "da"),
        ] {
            let mut seen = BTreeSet::new();
            for (key, text) in entries(this) {
                assert!(seen.insert(*key), "message \"{key}\" is listed twice");
                let Some((_, translated)) = entries(other).find(|(k, _)| k == key) else {
                    panic!("message \"{key}\" is missing from {name}.rs and the files in {name}/");
                };
                assert_eq!(
                    placeholders(text),
                    placeholders(translated),
                    "message \"{key}\" has different {{placeholders}} in the two languages"
                );
                assert!(!text.trim().is_empty(), "message \"{key}\" is empty");
            }
        }
    }

    #[test]
    fn plural_messages_have_both_forms() {
        for (key, _) in entries(Language::En) {
            if let Some(base) = key.strip_suffix(".one") {
                let other = format!("{base}.other");
                assert!(
                    entries(Language::En).any(|(k, _)| *k == other),
                    "{key} has no .other"
                );
            }
        }
    }

    #[test]
    fn fills_placeholders_and_plurals() {
        let da = Messages::new(Language::Da);
        let en = Messages::new(Language::En);
        assert_eq!(
            fill_template("a {x} b {y} {z}", &[("x", &1), ("y", &"to")]),
            "a 1 b to {z}"
        );
        assert_eq!(fill_template("open { and", &[]), "open { and");
        assert!(en.count("build.failed", 1, &[]).contains("1 error;"));
        assert!(en.count("build.failed", 2, &[]).contains("2 errors;"));
        assert!(da.count("build.failed", 2, &[]).contains("2 fejl"));
        assert_eq!(da.error("x", Some("y")), "fejl: x\n  tip: y");
        assert_eq!(en.error("x", None), "error: x");
    }

    #[test]
    fn languages_from_flags_and_locales() {
        assert_eq!(parse_language("da_DK.UTF-8"), Some(Language::Da));
        assert_eq!(parse_language("en-GB"), Some(Language::En));
        assert_eq!(parse_language("C.UTF-8"), None);
        assert_eq!(parse_language("de_DE"), None);
        assert_eq!(choose(Some(Language::Da), None), Language::Da);
    }
}
