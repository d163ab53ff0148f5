//! The addresses `arkiv check` asks for: a link as a browser would send it (WHATWG parsing,
//! IDNA punycode for æøå hosts), a redirect's `Location` joined to the address that sent it,
//! and when a server says to come back (`Retry-After`).

use crate::load::link_cache::now_secs;
use crate::model::link_index::host_of;
use std::time::Duration;

/// The address as a browser would send it (WHATWG URL parsing with the `url` crate): host
/// names with æøå in IDNA punycode (`xn--…`), spaces and `æøå` in the path percent-encoded,
/// existing `%xx` escapes left alone: writers paste addresses as their browser shows them.
pub fn encode_url(url: &str) -> String {
    match url::Url::parse(url.trim()) {
        Ok(parsed) => parsed.to_string(),
        Err(_) => encode_url_by_hand(url),
    }
}

/// For what `url` cannot parse: the request then fails with the client's own message.
fn encode_url_by_hand(url: &str) -> String {
    crate::core::urls::percent_encode(url.trim(), |c| {
        c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    })
}

/// `Retry-After` as seconds (the usual form) or as an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(secs) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate_secs(value)?;
    Some(Duration::from_secs(when.saturating_sub(now_secs())))
}

/// Parses `Sun, 06 Nov 1994 08:49:37 GMT` to seconds since 1970.
pub fn httpdate_secs(value: &str) -> Option<u64> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let day: i64 = day.parse().ok()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| m == month)? as i64
        + 1;
    let year: i64 = year.parse().ok()?;
    // Servers send anything; out-of-range parts would overflow the arithmetic below.
    if !(1970..=9999).contains(&year) || !(1..=31).contains(&day) {
        return None;
    }
    let hms: Vec<i64> = time
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    if !(0..24).contains(h) || !(0..60).contains(m) || !(0..=60).contains(s) {
        return None;
    }
    let days = crate::core::calendar::days_from_civil(year as i32, month as u32, day as u32);
    u64::try_from(days * 86_400 + h * 3600 + m * 60 + s).ok()
}

/// Resolves a `Location` header against the URL that sent it, as browsers do (`..` and `.`
/// segments included).
pub fn join_location(base: &str, location: &str) -> String {
    if let Ok(joined) = url::Url::parse(&encode_url(base)).and_then(|b| b.join(location.trim())) {
        return joined.to_string();
    }
    join_location_by_hand(base, location)
}

fn join_location_by_hand(base: &str, location: &str) -> String {
    if host_of(location).is_some() {
        return location.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + i);
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{}//{rest}", &base[..scheme_end.saturating_sub(2)]);
    }
    if location.starts_with('/') {
        return format!("{}{location}", &base[..authority_end]);
    }
    let path = base.split(['?', '#']).next().unwrap_or(base);
    let folder_end = path
        .rfind('/')
        .filter(|&i| i >= authority_end)
        .map_or(path.len(), |i| i + 1);
    let folder = if folder_end == path.len() && !path.ends_with('/') {
        format!("{path}/")
    } else {
        path[..folder_end].to_string()
    };
    format!("{folder}{location}")
}
