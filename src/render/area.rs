//! What a page shows of the public site and the members' area: the sections as this archive's
//! pages reach them, the members' area's band, title and counts, and its `.htaccess`.

use crate::core::i18n;
use crate::model::Archive;
use serde_json::json;

/// The site's sections as this archive's pages reach them (see `routes::for_templates`).
pub fn routes_for(archive: &Archive) -> serde_json::Value {
    let area = &archive.area;
    let members = match (&archive.config.members, area.members) {
        (None, _) => None,
        (Some(_), true) => Some(""),
        (Some(_), false) => Some(area.folder.as_str()),
    };
    crate::routes::for_templates(&area.public_prefix, members)
}

/// The members' area as pages show it: whether this page is in it, its title, and the text
/// public pages show where they point to it.
pub fn members_context(archive: &Archive) -> serde_json::Value {
    let language = archive.config.language;
    let members = archive.config.members.as_ref();
    if members.is_none() && !archive.area.preview {
        return serde_json::Value::Null;
    }
    let title = members
        .and_then(|m| m.title.clone())
        .unwrap_or_else(|| i18n::text(language, "members_area").to_string());
    json!({
        "inside": archive.area.members,
        "preview": archive.area.preview,
        "title": title,
        "text": members.and_then(|m| m.text.clone()),
        "more": archive.area.members_count,
    })
}

/// The members' area's `.htaccess` (at `routes::HTACCESS`): Apache asks for a name and
/// password from the password file site.yaml names, for every file in the area's folder.
pub fn htaccess(area: &Archive) -> String {
    let (htpasswd, title) = match &area.config.members {
        Some(m) => (
            m.htpasswd.as_str(),
            m.title.clone().unwrap_or_else(|| {
                crate::core::i18n::text(area.config.language, "members_area").to_string()
            }),
        ),
        None => ("", String::new()),
    };
    let title: String = title
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!(
        "# arkiv: the members' area. The web server asks for a name and password from the file below.\n\
         AuthType Basic\n\
         AuthName \"{title}\"\n\
         AuthUserFile \"{htpasswd}\"\n\
         Require valid-user\n"
    )
}
