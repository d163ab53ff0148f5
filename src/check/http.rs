//! Asking the web about links: one GET per URL (many servers answer HEAD wrongly), redirects
//! followed by hand so the chain can be reported, retries with back-off for 429 and 5xx that
//! honour Retry-After, and a pool of threads that never has more than a few requests open to
//! any one host, so a check never looks like an attack on a small association's web server.

use crate::check::addresses::{encode_url, join_location, parse_retry_after};
use crate::core::messages::{msg, Text};
use crate::load::link_cache::{now_secs, CheckResult, LinkState, Redirect};
use crate::model::link_index::{host_of, path_is_pdf};
use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How the checker talks to servers.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// For one whole request (connect, headers); a slower server counts as broken.
    pub timeout: Duration,
    /// Requests in flight at once, across all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to any one host.
    pub per_host: usize,
    /// Further attempts after a 429, a 5xx or a dropped connection.
    pub retries: u32,
    /// First back-off; doubles each retry. Retry-After wins when the server sends it.
    pub backoff: Duration,
    /// Never wait longer than this between attempts, whatever Retry-After says.
    pub max_wait: Duration,
    pub max_redirects: u32,
    /// The whole check's time budget: links not started by then are reported as not reached.
    pub budget: Option<Duration>,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings {
            timeout: Duration::from_secs(10),
            concurrency: 8,
            per_host: 2,
            retries: 2,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(30),
            max_redirects: 10,
            budget: None,
        }
    }
}

impl HttpSettings {
    /// The longest one URL can take: every attempt timing out and every wait at its longest,
    /// along a full redirect chain. Tests use it as an upper bound.
    pub fn worst_case_per_url(&self) -> Duration {
        let attempts = self.retries + 1;
        (self.timeout * attempts + self.max_wait * self.retries) * (self.max_redirects + 1)
    }
}

fn agent(settings: &HttpSettings) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(settings.timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!("arkiv-linkcheck/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// One response, reduced to what the check needs.
struct Answer {
    status: u16,
    location: Option<String>,
    content_type: Option<String>,
    retry_after: Option<Duration>,
}

enum Failure {
    Timeout,
    /// A dropped or refused connection; worth another try.
    Transport(Text),
    /// Unknown host, malformed address, TLS refused: asking again will not help.
    Final(Text),
}

fn ask(agent: &ureq::Agent, url: &str) -> Result<Answer, Failure> {
    match agent.get(&encode_url(url)).call() {
        Ok(response) => {
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(|s| s.trim().to_string())
            };
            let answer = Answer {
                status: response.status().as_u16(),
                location: header("location"),
                content_type: header("content-type"),
                retry_after: header("retry-after").and_then(|v| parse_retry_after(&v)),
            };
            // The body is not read: dropping the response closes the connection.
            Ok(answer)
        }
        Err(ureq::Error::Timeout(_)) => Err(Failure::Timeout),
        Err(ureq::Error::HostNotFound) => Err(Failure::Final(msg("linkcheck.no_host", &[]))),
        Err(
            e @ (ureq::Error::Io(_) | ureq::Error::ConnectionFailed | ureq::Error::Protocol(_)),
        ) => Err(Failure::Transport(msg(
            "linkcheck.transport",
            &[("detail", &e)],
        ))),
        Err(e) => Err(Failure::Final(msg("linkcheck.failed", &[("detail", &e)]))),
    }
}

/// Checks one URL, following redirects and retrying as the settings say.
pub fn check_url(agent: &ureq::Agent, url: &str, settings: &HttpSettings) -> CheckResult {
    check_url_until(agent, url, settings, None)
}

/// `check_url` that stops retrying and following redirects at `deadline`.
fn check_url_until(
    agent: &ureq::Agent,
    url: &str,
    settings: &HttpSettings,
    deadline: Option<Instant>,
) -> CheckResult {
    let mut result = CheckResult::new(url, LinkState::Broken, now_secs());
    let mut current = url.to_string();
    let mut retries_left = settings.retries;
    let mut wait = settings.backoff;
    loop {
        result.attempts += 1;
        let answer = ask(agent, &current);
        let retry_in = match &answer {
            Ok(a) if a.status == 429 || a.status >= 500 => Some(a.retry_after.unwrap_or(wait)),
            Err(Failure::Transport(_)) => Some(wait),
            _ => None,
        };
        let time_left = deadline.map_or(Duration::MAX, |d| {
            d.saturating_duration_since(Instant::now())
        });
        if let (Some(delay), true) = (retry_in, retries_left > 0 && !time_left.is_zero()) {
            retries_left -= 1;
            std::thread::sleep(delay.min(settings.max_wait).min(time_left));
            wait *= 2;
            continue;
        }
        match answer {
            Err(Failure::Timeout) => {
                let seconds = settings.timeout.as_secs_f64();
                result.set_error(msg("linkcheck.timeout", &[("seconds", &seconds)]));
                return result;
            }
            Err(Failure::Transport(e) | Failure::Final(e)) => {
                result.set_error(e);
                return result;
            }
            Ok(a) => {
                result.status = Some(a.status);
                result.content_type = a.content_type.clone();
                if (300..400).contains(&a.status) {
                    let Some(location) = a.location else {
                        result.set_error(msg("linkcheck.no_location", &[("status", &a.status)]));
                        return result;
                    };
                    if result.redirects.len() as u32 >= settings.max_redirects {
                        let max = settings.max_redirects;
                        result.set_error(msg("linkcheck.too_many_redirects", &[("max", &max)]));
                        return result;
                    }
                    if time_left.is_zero() {
                        result.state = LinkState::NotReached;
                        result.set_error(msg(
                            "linkcheck.no_time_to_follow",
                            &[("location", &location)],
                        ));
                        return result;
                    }
                    let next = join_location(&current, &location);
                    result.redirects.push(Redirect {
                        status: a.status,
                        to: next.clone(),
                    });
                    current = next;
                    retries_left = settings.retries;
                    wait = settings.backoff;
                    continue;
                }
                if !result.redirects.is_empty() {
                    result.final_url = Some(current.clone());
                }
                result.state = if !(200..300).contains(&a.status) {
                    result.set_error(match a.status {
                        404 | 410 => msg("linkcheck.gone", &[]),
                        401 | 403 => msg("linkcheck.refused", &[]),
                        429 => msg("linkcheck.slow_down", &[]),
                        s if s >= 500 => msg("linkcheck.server_failed", &[]),
                        s => msg("linkcheck.answered", &[("status", &s)]),
                    });
                    LinkState::Broken
                } else if path_is_pdf(url)
                    && a.content_type
                        .as_deref()
                        .is_some_and(|c| c.to_ascii_lowercase().starts_with("text/html"))
                {
                    LinkState::PdfIsHtml
                } else if result.redirects.is_empty() {
                    LinkState::Ok
                } else {
                    LinkState::Redirected
                };
                return result;
            }
        }
    }
}

struct Queue {
    pending: VecDeque<usize>,
    busy_hosts: HashMap<String, usize>,
}

/// Checks `urls` on a pool of threads, at most `concurrency` at once and at most `per_host`
/// to one host; `on_done` is called after each URL (for the progress bar). Results come back
/// in the order of `urls`.
pub fn check_all(
    urls: &[String],
    settings: &HttpSettings,
    on_done: &(dyn Fn(&CheckResult) + Sync),
) -> Vec<CheckResult> {
    let hosts: Vec<String> = urls
        .iter()
        .map(|u| host_of(u).unwrap_or_default())
        .collect();
    let queue = Mutex::new(Queue {
        pending: (0..urls.len()).collect(),
        busy_hosts: HashMap::new(),
    });
    let changed = Condvar::new();
    let results: Mutex<Vec<Option<CheckResult>>> = Mutex::new(vec![None; urls.len()]);
    let agent = agent(settings);
    let per_host = settings.per_host.max(1);
    let workers = settings.concurrency.max(1).min(urls.len().max(1));
    let deadline = settings.budget.map(|b| Instant::now() + b);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let job = {
                    let Ok(mut q) = queue.lock() else { return };
                    loop {
                        if q.pending.is_empty() || deadline.is_some_and(|d| Instant::now() >= d) {
                            break None;
                        }
                        let free = q.pending.iter().position(|&i| {
                            q.busy_hosts.get(&hosts[i]).copied().unwrap_or(0) < per_host
                        });
                        if let Some(pos) = free {
                            let i = q.pending.remove(pos).unwrap_or_default();
                            *q.busy_hosts.entry(hosts[i].clone()).or_default() += 1;
                            break Some(i);
                        }
                        // Wake up at the deadline even if no other request finishes.
                        let wait = deadline.map_or(Duration::from_secs(3600), |d| {
                            d.saturating_duration_since(Instant::now())
                        });
                        q = match changed.wait_timeout(q, wait) {
                            Ok((q, _)) => q,
                            Err(_) => return,
                        };
                    }
                };
                let Some(i) = job else {
                    changed.notify_all();
                    return;
                };
                // A panic inside the HTTP stack costs this one URL, not the whole check.
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    check_url_until(&agent, &urls[i], settings, deadline)
                }))
                .unwrap_or_else(|_| failed(&urls[i], msg("linkcheck.check_panicked", &[])));
                on_done(&result);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(result);
                }
                if let Ok(mut q) = queue.lock() {
                    if let Some(n) = q.busy_hosts.get_mut(&hosts[i]) {
                        *n = n.saturating_sub(1);
                    }
                }
                changed.notify_all();
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .zip(urls)
        .map(|(r, url)| {
            r.unwrap_or_else(|| match settings.budget {
                Some(b) => CheckResult {
                    state: LinkState::NotReached,
                    ..failed(
                        url,
                        msg("linkcheck.budget_ran_out", &[("seconds", &b.as_secs())]),
                    )
                },
                None => failed(url, msg("linkcheck.interrupted", &[])),
            })
        })
        .collect()
}

fn failed(url: &str, why: Text) -> CheckResult {
    let mut result = CheckResult::new(url, LinkState::Broken, now_secs());
    result.set_error(why);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::addresses::httpdate_secs;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            httpdate_secs("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn urls_are_encoded_once() {
        assert_eq!(
            encode_url("https://a.example/høring 2024.pdf"),
            "https://a.example/h%C3%B8ring%202024.pdf"
        );
        assert_eq!(
            encode_url("https://a.example/a%20b?x=1&y=2"),
            "https://a.example/a%20b?x=1&y=2"
        );
    }

    #[test]
    fn locations_join() {
        assert_eq!(
            join_location("http://a.example/x/y?q", "/z"),
            "http://a.example/z"
        );
        assert_eq!(
            join_location("http://a.example/x/y", "z"),
            "http://a.example/x/z"
        );
        assert_eq!(
            join_location("https://a.example/x", "//b.example/p"),
            "https://b.example/p"
        );
        assert_eq!(
            join_location("http://a.example/x", "https://c.example/"),
            "https://c.example/"
        );
        assert_eq!(join_location("http://a.example", "z"), "http://a.example/z");
        assert_eq!(
            join_location("http://a.example/a/b/c", "../d"),
            "http://a.example/a/d"
        );
        assert_eq!(
            join_location("http://a.example/a/b/", "./../../e?x=1"),
            "http://a.example/e?x=1"
        );
    }

    #[test]
    fn danish_host_names_are_punycoded() {
        assert_eq!(
            encode_url("https://læger.dk/høring 2024.pdf"),
            "https://xn--lger-voa.dk/h%C3%B8ring%202024.pdf"
        );
        assert_eq!(encode_url("https://ÆRØ.dk/"), "https://xn--r-3fa9c.dk/");
    }
}
