//! The bottom layer: what every stage shares and that depends on nothing else in arkiv —
//! diagnostics, dates and the calendar, interface texts, kinds, slugs, URLs and escaping, YAML.

pub mod access;
pub mod calendar;
pub mod compound;
pub mod dates;
pub mod diagnostics;
pub mod escape;
pub mod i18n;
pub mod kind;
pub mod language;
pub mod memory;
pub mod messages;
pub mod packed;
pub mod sanitize;
pub mod slug;
pub mod store;
pub mod urls;
pub mod yaml;
