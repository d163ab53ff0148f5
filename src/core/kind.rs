//! The kinds of document an association writes. A closed list, because the theme groups,
//! labels and prints each kind differently.

/// What sort of document this is; decides its list, its label and how it is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    ChairmanReport,
    CommitteeReport,
    Newsletter,
    Slides,
    Minutes,
    Accounts,
    Meeting,
    Page,
}

impl Kind {
    /// Every kind, in the order the theme lists them.
    pub const ALL: [Kind; 8] = [
        Kind::ChairmanReport,
        Kind::CommitteeReport,
        Kind::Newsletter,
        Kind::Slides,
        Kind::Accounts,
        Kind::Meeting,
        Kind::Minutes,
        Kind::Page,
    ];

    /// The name written in front matter and used in `/kinds/<kind>/`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ChairmanReport => "chairman-report",
            Kind::CommitteeReport => "committee-report",
            Kind::Newsletter => "newsletter",
            Kind::Slides => "slides",
            Kind::Minutes => "minutes",
            Kind::Accounts => "accounts",
            Kind::Meeting => "meeting",
            Kind::Page => "page",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Candidates for "did you mean": also matches on the last word, so "raport" finds both reports.
    pub fn suggestions(word: &str) -> Option<crate::core::messages::Text> {
        crate::core::diagnostics::suggest_names(&Kind::suggestion_names(word))
    }

    /// The kind names nearest to `word`: none, the nearest, or two that are about as near.
    pub fn suggestion_names(word: &str) -> Vec<&'static str> {
        let word = word.to_lowercase();
        let mut scored: Vec<(f64, &'static str)> = Kind::ALL
            .iter()
            .map(|k| {
                let name = k.as_str();
                let whole = strsim::jaro_winkler(&word, name);
                let part = name
                    .split('-')
                    .map(|p| strsim::jaro_winkler(&word, p))
                    .fold(0.0, f64::max);
                (whole.max(part), name)
            })
            .filter(|(s, _)| *s >= 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        match scored.as_slice() {
            [] => vec![],
            [(s1, a), (s2, b), ..] if (s1 - s2).abs() < 0.02 => vec![*a, *b],
            [(_, a), ..] => vec![*a],
        }
    }

    /// Whether documents of this kind belong in dated lists (pages and meetings are separate).
    pub fn is_dated_document(self) -> bool {
        !matches!(self, Kind::Page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_kind_suggests_reports() {
        let hint = Kind::suggestions("raport").unwrap().en;
        assert!(
            hint.contains("chairman-report") && hint.contains("committee-report"),
            "{hint}"
        );
        assert_eq!(
            Kind::suggestions("slide").unwrap().en,
            "did you mean \"slides\"?"
        );
        assert_eq!(Kind::parse("minutes"), Some(Kind::Minutes));
        assert_eq!(Kind::parse("Minutes"), None);
    }
}
