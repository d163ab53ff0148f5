//! arkiv: a static site generator for associations. The build is a pipeline that flows one way,
//! and the folders are its stages; every import points down this list:
//!
//! 1. `core`: diagnostics, dates and the calendar, interface texts and messages, kinds, slugs,
//!    URLs, escaping, control characters, YAML;
//! 2. `load` (site.yaml, content, theme), `markdown`, and `routes` (every URL);
//! 3. `model`: the complete `Archive`: documents, meetings, attachments, links, PDFs;
//! 4. `render`: template set-up and one view module per page family;
//! 5. `search`: the search index, built from the model;
//! 6. `output`: the staging folder, the swap into place and the output's file list;
//! 7. `pipeline`: runs the stages in order;
//! 8. `serve`, `check`, `import` and `scaffold` (`arkiv init`, `arkiv new`), which hang off the
//!    pipeline and the model, and `members` (`arkiv members`, the members' area's passwords).
//!
//! `tests/architecture.rs` fails when an import points up this list or two files import each
//! other.

pub mod check;
pub mod core;
pub mod import;
pub mod load;
pub mod markdown;
pub mod members;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod search;
pub mod serve;
