//! The load stage: reads the site from disk — `site.yaml`, the Markdown files under
//! `content/` with their front matter, the theme, and the link checker's cache.

pub mod config;
pub mod content;
pub mod frontmatter;
pub mod link_cache;
pub mod members_config;
pub mod theme;
