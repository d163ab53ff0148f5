//! arkiv: a static site generator for associations. The build is a pipeline that flows one way:
//! `config` + `content` (load) → `archive` (model) → `render` → `output` (write); `pipeline`
//! runs it. Search, link checking and serve hang off the model.

pub mod archive;
pub mod config;
pub mod content;
pub mod context;
pub mod dates;
pub mod diagnostics;
pub mod frontmatter;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod kind;
pub mod link_index;
pub mod linkcheck;
pub mod links;
pub mod markdown;
pub mod output;
pub mod pack;
pub mod pdf;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod slides;
pub mod slides_pages;
pub mod slug;
pub mod theme;
pub mod urls;
pub mod yaml;
