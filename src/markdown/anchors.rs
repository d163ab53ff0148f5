//! Heading anchors that are unique on their page, and heading levels that never skip.

use std::collections::{HashMap, HashSet};

/// The anchors already given on one page. A deck shares one across its slides, so two slides
/// with the same title still get two anchors.
#[derive(Debug, Default)]
pub struct Anchors {
    used: HashSet<String>,
    /// The next number to try after each base.
    next: HashMap<String, usize>,
}

impl Anchors {
    /// `base` itself when free, else `base-1`, `base-2`, …: the first that is neither given
    /// already (by an earlier heading, or as another heading's numbered anchor) nor one the
    /// page's template uses itself.
    pub fn unique(&mut self, base: &str) -> String {
        let mut n = self.next.get(base).copied().unwrap_or(0);
        loop {
            let candidate = if n == 0 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            };
            n += 1;
            if !self.used.contains(&candidate) && !reserved(&candidate) {
                self.next.insert(base.to_string(), n);
                self.used.insert(candidate.clone());
                return candidate;
            }
        }
    }
}

/// Ids the page templates give their own elements (`main`, the header's search box) and the
/// deck outline's `slide-N` sections.
fn reserved(id: &str) -> bool {
    matches!(id, "main" | "site-search")
        || id
            .strip_prefix("slide-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Maps the heading levels a writer used onto levels that start right under the page title
/// (`top`) and go down one step at a time: `###`, `#####`, `###` becomes h2, h3, h2.
#[derive(Debug)]
pub struct Levels {
    top: u8,
    /// A slide keeps a `#` heading as h1: it makes a title slide.
    keep_h1: bool,
    /// (level as written, level given) of the open headings, outermost first.
    open: Vec<(u8, u8)>,
}

impl Levels {
    pub fn new(top: u8) -> Self {
        Levels {
            top,
            keep_h1: false,
            open: Vec::new(),
        }
    }

    /// For one slide: a `#` heading stays h1 (a title slide), every other heading starts at
    /// h2 under it or under the deck's title, and none skips a level.
    pub fn slide() -> Self {
        Levels {
            top: 2,
            keep_h1: true,
            open: Vec::new(),
        }
    }

    /// The level to give a heading written at `written`.
    pub fn level(&mut self, written: u8) -> u8 {
        if self.keep_h1 && written == 1 {
            self.open.clear();
            self.open.push((1, 1));
            return 1;
        }
        while self.open.last().is_some_and(|&(w, _)| w >= written) {
            self.open.pop();
        }
        let given = self.open.last().map_or(self.top, |&(_, g)| g + 1).min(6);
        self.open.push((written, given));
        given
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_numbered_titles_stay_unique() {
        let mut a = Anchors::default();
        let ids: Vec<String> = ["moede", "moede", "moede-1", "main", "slide-2", "slide-x"]
            .iter()
            .map(|b| a.unique(b))
            .collect();
        assert_eq!(
            ids,
            [
                "moede",
                "moede-1",
                "moede-1-1",
                "main-1",
                "slide-2-1",
                "slide-x"
            ]
        );
    }

    #[test]
    fn levels_start_under_the_title_and_never_skip() {
        let mut l = Levels::new(2);
        let got: Vec<u8> = [3, 5, 5, 3, 1, 6, 2].iter().map(|&w| l.level(w)).collect();
        assert_eq!(got, [2, 3, 3, 2, 2, 3, 3]);
        let mut l = Levels::slide();
        let got: Vec<u8> = [1, 3, 4, 2].iter().map(|&w| l.level(w)).collect();
        assert_eq!(got, [1, 2, 3, 2]);
        let mut l = Levels::slide();
        assert_eq!(l.level(3), 2);
    }
}
