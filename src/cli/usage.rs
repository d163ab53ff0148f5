//! Usage errors in the user's language. clap finds them ("unexpected argument", "invalid
//! value", "missing required argument"); this turns its error kind and context (the argument,
//! the value, clap's suggestion) into our own messages, and exits with clap's code, 2.

use arkiv::core::messages::{Messages, Text};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::process::ExitCode;

/// Prints `error` the way every other arkiv error is printed (`fejl: …` / `  tip: …`), with
/// the usage line and where to read more, and returns its exit code. Help and version
/// requests are printed by clap as they are.
pub fn report(error: clap::Error, m: Messages) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit()
    }
    eprintln!("{}", explain(&error, m));
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// The whole text of a usage error: message, hint, usage line and where to read more.
pub fn explain(error: &clap::Error, m: Messages) -> String {
    let (message, hint) = message_and_hint(error);
    let in_language = |t: Text| t.in_language(m.language).to_string();
    let mut out = m.error(&in_language(message), hint.map(in_language).as_deref());
    let usage = error
        .get(ContextKind::Usage)
        .map(|u| u.to_string())
        .unwrap_or_default();
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    if !usage.is_empty() {
        out.push_str(&format!("\n\n{} {usage}", m.get("help.heading.usage")));
        let command: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        out.push_str(&format!(
            "\n{}",
            m.fill("usage.more", &[("command", &command.join(" "))])
        ));
    }
    out
}

/// The text of one context item, if clap gave it.
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::None => None,
        value => Some(value.to_string()),
    }
}

/// Every value of a context item (clap's suggestions and valid values come as lists).
fn values(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn message_and_hint(error: &clap::Error) -> (Text, Option<Text>) {
    use arkiv::core::diagnostics::suggest_names;
    use arkiv::core::messages::msg;
    let arg = context(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(error, ContextKind::InvalidValue).unwrap_or_default();
    let suggested = |kind| {
        let names = values(error, kind);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        suggest_names(&names)
    };
    match error.kind() {
        ErrorKind::UnknownArgument => {
            let key = if arg.starts_with('-') {
                "usage.unknown_option"
            } else {
                "usage.unexpected"
            };
            let hint = suggested(ContextKind::SuggestedArg)
                .or_else(|| suggested(ContextKind::SuggestedSubcommand));
            (msg(key, &[("arg", &arg)]), hint)
        }
        ErrorKind::InvalidSubcommand => {
            let name = context(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = suggested(ContextKind::SuggestedSubcommand);
            (msg("usage.unknown_command", &[("name", &name)]), hint)
        }
        ErrorKind::InvalidValue => {
            let valid = values(error, ContextKind::ValidValue).join(", ");
            let hint = suggested(ContextKind::SuggestedValue).or_else(|| {
                (!valid.is_empty()).then(|| msg("usage.possible_values", &[("values", &valid)]))
            });
            let key = if value.is_empty() {
                "usage.empty_value"
            } else {
                "usage.invalid_value"
            };
            (msg(key, &[("arg", &arg), ("value", &value)]), hint)
        }
        ErrorKind::ValueValidation => {
            // The parser's own reason ("invalid digit found in string") is left out: the hint
            // says what the option takes, in the user's language.
            let hint = value_hint(&arg);
            (
                msg("usage.invalid_value", &[("arg", &arg), ("value", &value)]),
                hint,
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = values(error, ContextKind::InvalidArg).join(" ");
            (msg("usage.missing", &[("args", &missing)]), None)
        }
        ErrorKind::MissingSubcommand => (msg("usage.missing_command", &[]), None),
        ErrorKind::ArgumentConflict => {
            let other = values(error, ContextKind::PriorArg).join(", ");
            let first = context(error, ContextKind::InvalidSubcommand).unwrap_or(arg);
            (
                msg("usage.conflict", &[("arg", &first), ("other", &other)]),
                Some(msg("usage.conflict.hint", &[])),
            )
        }
        ErrorKind::NoEquals => (msg("usage.no_equals", &[("arg", &arg)]), None),
        ErrorKind::TooManyValues => (
            msg("usage.too_many_values", &[("arg", &arg), ("value", &value)]),
            None,
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            (msg("usage.wrong_number", &[("arg", &arg)]), None)
        }
        ErrorKind::InvalidUtf8 => (msg("usage.not_utf8", &[]), None),
        _ => {
            // Anything else clap may report: its own words, framed in ours.
            let detail = error.render().to_string();
            let detail = detail.lines().next().unwrap_or_default();
            let detail = detail.strip_prefix("error: ").unwrap_or(detail).to_string();
            (msg("usage.other", &[("detail", &detail)]), None)
        }
    }
}

/// What an option whose value did not parse takes ("a port number from 0 to 65535").
fn value_hint(arg: &str) -> Option<Text> {
    use arkiv::core::messages::msg;
    let key = if arg.starts_with("--port") || arg.starts_with("-p") {
        "usage.value.port"
    } else if arg.starts_with("--bind") {
        "usage.value.bind"
    } else if arg.starts_with("--max-age-hours") {
        "usage.value.hours"
    } else {
        return None;
    };
    Some(msg(key, &[]))
}
