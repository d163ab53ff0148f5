//! The pool of external links the documents cite.
//!
//! Real archives link to the same ministry reports and agreements again and
//! again, mostly PDFs; a fixed pool of 200 URLs (cited with a skew, so some
//! are cited often) gives the link checker and the link index that shape.
//! The hosts use the reserved `.example` domain, so no request ever leaves
//! the machine for real.

use std::collections::BTreeSet;

use super::format::lower_first;
use super::rng::Rng;
use super::topics::TOPICS;
use arkiv::core::slug::slugify;

/// Publishing organisations: host and Danish name.
const URL_HOSTS: &[(&str, &str)] = &[
    ("sundhed.example", "Sundhedsministeriet"),
    ("regioner.example", "Danske Regioner"),
    ("plo.example", "PLO"),
    ("sst.example", "Sundhedsstyrelsen"),
    ("kl.example", "KL"),
    ("laeger.example", "Lægeforeningen"),
    ("dsam.example", "DSAM"),
    ("sundhedsdata.example", "Sundhedsdatastyrelsen"),
    ("retsinformation.example", "Retsinformation"),
    ("ft.example", "Folketinget"),
    ("rm.example", "Region Midtjylland"),
    ("medcom.example", "MedCom"),
    ("dagensmedicin.example", "Dagens Medicin"),
    ("ugeskriftet.example", "Ugeskrift for Læger"),
];
/// Document words for external links: URL part, Danish indefinite and
/// definite forms.
const URL_WORDS: &[(&str, &str, &str)] = &[
    ("aftale", "aftale", "aftalen"),
    ("notat", "notat", "notatet"),
    ("rapport", "rapport", "rapporten"),
    ("vejledning", "vejledning", "vejledningen"),
    ("hoeringssvar", "høringssvar", "høringssvaret"),
    ("evaluering", "evaluering", "evalueringen"),
    ("analyse", "analyse", "analysen"),
    ("bilag", "bilag", "bilaget"),
    ("redegoerelse", "redegørelse", "redegørelsen"),
    ("pjece", "pjece", "pjecen"),
];

/// Draws 200 distinct external URLs, most of them PDFs, each with a Danish
/// link text ("Sundhedsstyrelsens rapporten fra 2012").
pub(super) fn url_pool(rng: &mut Rng) -> Vec<(String, String)> {
    let mut urls = Vec::with_capacity(200);
    let mut seen = BTreeSet::new();
    while urls.len() < 200 {
        let (host, org) = rng.pick(URL_HOSTS);
        let topic = rng.pick(TOPICS);
        let ts = slugify(topic);
        let (wslug, windef, wlabel) = rng.pick(URL_WORDS);
        let year = rng.range(2000, 2025);
        let url = match rng.below(6) {
            0 => format!("https://{host}/media/{wslug}-{ts}-{year}.pdf"),
            1 => format!("https://{host}/publikationer/{year}/{ts}.pdf"),
            2 => format!("https://{host}/nyheder/{year}/{:02}/{ts}", rng.range(1, 12)),
            3 => format!(
                "https://{host}/files/{}/{wslug}-{ts}.pdf",
                rng.range(100, 9999)
            ),
            4 => format!("https://{host}/media/{wslug}-{year}.pdf"),
            _ => format!("https://{host}/{wslug}er/{ts}-{year}"),
        };
        let label = match rng.below(3) {
            0 => format!("{wlabel} om {}", lower_first(topic)),
            1 => {
                // Genitive: "Sundhedsstyrelsens", but "PLO's".
                let gen = if org.ends_with(|c: char| c.is_uppercase()) {
                    "'s"
                } else {
                    "s"
                };
                format!("{org}{gen} {windef} fra {year}")
            }
            _ => format!("{wlabel} fra {org}"),
        };
        if seen.insert(url.clone()) {
            urls.push((url, label));
        }
    }
    urls
}
