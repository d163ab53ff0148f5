//! The new password of `arkiv members add`: asked for twice, without showing it, when a person
//! types it at a terminal; read as one line when it comes through a pipe (scripts and tests).

use super::htpasswd::MAX_PASSWORD_BYTES;
use crate::core::diagnostics::Diagnostic;
use crate::core::messages::{msg, Messages};
use std::io::{BufRead, IsTerminal};

/// Reads the new password for `name`; prompts are in the language of `m`.
pub fn read_new(name: &str, m: Messages) -> Result<String, Diagnostic> {
    let stdin = std::io::stdin();
    let password = if stdin.is_terminal() {
        let first = rpassword::prompt_password(m.fill("members.prompt", &[("name", &name)]))
            .map_err(unreadable)?;
        check(&first)?;
        let again =
            rpassword::prompt_password(m.get("members.prompt_again")).map_err(unreadable)?;
        if again != first {
            return Err(
                Diagnostic::error(None, msg("members.password.mismatch", &[]))
                    .hint(msg("members.password.mismatch.hint", &[])),
            );
        }
        first
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line).map_err(unreadable)?;
        let line = line.strip_suffix('\n').unwrap_or(&line);
        line.strip_suffix('\r').unwrap_or(line).to_string()
    };
    check(&password)?;
    Ok(password)
}

/// A password must have something in it, and no more than bcrypt reads.
pub fn check(password: &str) -> Result<(), Diagnostic> {
    if password.trim().is_empty() {
        return Err(Diagnostic::error(None, msg("members.password.empty", &[]))
            .hint(msg("members.password.empty.hint", &[])));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(Diagnostic::error(
            None,
            msg(
                "members.password.too_long",
                &[("max", &MAX_PASSWORD_BYTES), ("bytes", &password.len())],
            ),
        )
        .hint(msg("members.password.too_long.hint", &[])));
    }
    Ok(())
}

fn unreadable(e: std::io::Error) -> Diagnostic {
    Diagnostic::error(None, msg("members.password.unreadable", &[("error", &e)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_overlong_passwords_are_refused() {
        assert!(check("kaffe").is_ok());
        assert_eq!(check("").unwrap_err().message, "the password is empty");
        assert!(check("   ").is_err());
        assert!(check(&"æ".repeat(36)).is_ok(), "72 bytes is the most");
        let long = check(&"æ".repeat(37)).unwrap_err();
        assert!(long.message.contains("74 bytes"), "{}", long.message);
    }
}
