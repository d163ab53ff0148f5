//! Who may read a document: everyone (`access: public`, the default) or members only
//! (`access: members`), which puts it in the members' area that the web server protects.

/// A document's access, as written in front matter or inherited from its meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    #[default]
    Public,
    Members,
}

impl Access {
    /// The values front matter accepts, as written in messages.
    pub const NAMES: [&'static str; 2] = ["public", "members"];

    /// Parses a front matter value; the Danish words a secretary may write are accepted too.
    pub fn parse(text: &str) -> Option<Access> {
        match text.trim().to_lowercase().as_str() {
            "public" | "offentlig" | "alle" => Some(Access::Public),
            "members" | "medlemmer" | "members-only" => Some(Access::Members),
            _ => None,
        }
    }

    pub fn is_members(self) -> bool {
        self == Access::Members
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_danish_words_are_understood() {
        assert_eq!(Access::parse("members"), Some(Access::Members));
        assert_eq!(Access::parse(" Medlemmer "), Some(Access::Members));
        assert_eq!(Access::parse("public"), Some(Access::Public));
        assert_eq!(Access::parse("offentlig"), Some(Access::Public));
        assert_eq!(Access::parse("memebers"), None);
        assert_eq!(Access::default(), Access::Public);
    }
}
