//! Internal links checked at build (broken link, broken anchor, attachment, source path
//! rewritten to the URL) and the link index at `/links/`.

mod common;

use common::{build_errors, Fixture};

fn two_documents() -> Fixture {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    f.write(
        "content/2024/bilag/budget.pdf",
        b"%PDF-1.4 not really, but only linked",
    );
    f.doc(
        "2024/beretning.md",
        "title: Beretning 2024\ndate: 2024-04-01\nkind: chairman-report",
        "## Høring om praksisplanen\n\nTekst.\n\n## Økonomi\n\nMere tekst.\n",
    );
    f
}

#[test]
fn broken_link_names_file_line_column_and_nearest_target() {
    let f = two_documents();
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "Første linje.\n\nSe [beretningen](../2024/beretnig.md) for mere.\n",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/nyhed.md:8:4: broken link"),
        "{errors}"
    );
    assert!(errors.contains("../2024/beretnig.md"), "{errors}");
    assert!(
        errors.contains("did you mean \"../2024/beretning.md\"?"),
        "{errors}"
    );
    assert!(
        !f.output().exists(),
        "nothing written when a link is broken"
    );
}

#[test]
fn broken_anchor_suggests_nearest_heading() {
    let f = two_documents();
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "Se [økonomien](../2024/beretning.md#okonomi).\n",
    );
    let errors = build_errors(&f);
    assert!(
        errors.contains("content/2025/nyhed.md:6:4: broken link: there is no heading \"#okonomi\""),
        "{errors}"
    );
    assert!(errors.contains("did you mean \"#oekonomi\"?"), "{errors}");
}

#[test]
fn good_links_are_rewritten_to_relative_urls() {
    let f = two_documents();
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "Se [beretningen](../2024/beretning.md), [høringen](../2024/beretning.md#Høring%20om%20praksisplanen), \
         [budgettet](../2024/bilag/budget.pdf) og [nedenfor](#slut).\n\n## Slut\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let page = f.read_output("2025/nyhed/index.html");
    assert!(
        page.contains("href=\"../../2024/beretning/\""),
        "source path → URL"
    );
    assert!(
        page.contains("href=\"../../2024/beretning/#hoering-om-praksisplanen\""),
        "anchor slugified"
    );
    assert!(
        page.contains("href=\"../../2024/bilag/budget.pdf\""),
        "attachment link"
    );
    assert!(page.contains("href=\"#slut\""));
    assert!(!page.contains(".md\""), "no .md link left in the output");
}

#[test]
fn link_index_groups_by_host_and_target_with_kinds_and_lines() {
    let f = two_documents();
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "Se [beretningen](../2024/beretning.md) og [økonomi](../2024/beretning.md#oekonomi).\n\n\
         Hent [budgettet](../2024/bilag/budget.pdf).\n\n\
         Regionens [plan](https://www.regioner.example/media/plan.pdf) og [forside](https://www.regioner.example/).\n\n\
         Skriv til [formanden](mailto:formand@forening.example).\n\n\
         ![logo](https://cdn.example/logo.png)\n",
    );
    f.doc(
        "2025/referat.md",
        "title: Referat marts\ndate: 2025-03-10\nkind: minutes",
        "Intro.\n\nPlanen: [praksisplan](https://www.regioner.example/media/plan.pdf#side=4)\n",
    );
    // A cached check result shows on the index without going online.
    let checked_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    f.write(
        ".arkiv-linkcheck.json",
        format!(
            r#"{{"version":1,"results":{{"https://www.regioner.example/":{{"url":"https://www.regioner.example/","state":"broken","status":404,"final_url":null,"redirects":[],"content_type":"text/html","error":"the page is gone (not found)","attempts":1,"checked_at":{checked_at}}}}}}}"#
        ),
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    // The overview: every kind counted, the hosts with their counts per kind, the archive's
    // own links summarised, the broken link named with a link to the page it is on.
    let overview = f.read_output("links/index.html");
    for kind in [
        "internal-page",
        "internal-anchor",
        "attachment",
        "outside-pdf",
        "outside-page",
        "mailto",
    ] {
        assert!(
            overview.contains(&format!("link-kind-{kind}\"")),
            "kind {kind} missing"
        );
    }
    assert!(overview.contains("Links inden for arkivet") && overview.contains("Dette arkiv"));
    assert!(
        overview.contains("href=\"../links/archive/\""),
        "{overview}"
    );
    let hosts = overview.split("class=\"host-list\"").nth(1).unwrap();
    let regioner_card = hosts
        .split("href=\"../links/www-regioner-example/\"")
        .nth(1)
        .unwrap();
    let regioner_card = regioner_card.split("</li>\n").next().unwrap();
    assert!(
        regioner_card.contains("3 links · 2 adresser"),
        "{regioner_card}"
    );
    assert!(
        regioner_card.contains("1 virker ikke"),
        "broken count per host: {regioner_card}"
    );
    assert!(
        overview.contains("href=\"../links/forening-example/\""),
        "mail grouped by domain"
    );
    let broken = overview.split("id=\"broken\"").nth(1).unwrap();
    let broken = broken.split("</section>").next().unwrap();
    assert!(broken.contains("https://www.regioner.example/"), "{broken}");
    assert!(broken.contains("href=\"../links/www-regioner-example/\""));
    assert!(broken.contains("Virker ikke · 404"));
    assert!(overview.contains("Seneste linktjek"));
    assert!(!overview.contains("<q>"), "citations are on the host pages");

    // A host page: its targets, each with every citation and line.
    let page = f.read_output("links/www-regioner-example/index.html");
    assert!(page.contains("3 links · 2 adresser"));
    assert!(
        page.contains("href=\"../../links/\">Linkoversigt</a>"),
        "back to the overview"
    );
    // The PDF cited twice (once with #fragment) is one target with both citations and lines.
    let plan = page
        .split("href=\"https://www.regioner.example/media/plan.pdf\"")
        .nth(1)
        .unwrap();
    let plan = plan.split("</li>\n").take(3).collect::<String>();
    assert!(
        plan.contains("Nyhed") && plan.contains("linje 10"),
        "{plan}"
    );
    assert!(
        plan.contains("Referat marts") && plan.contains("linje 8"),
        "{plan}"
    );
    assert!(
        plan.contains("<q>praksisplan</q>"),
        "link text shown: {plan}"
    );
    let row = page
        .split("<li class=\"entry link-item\"")
        .find(|r| r.contains("media/plan.pdf\""))
        .unwrap();
    assert!(row.contains("nævnt 2 gange"), "{row}");
    // Links to documents are relative to the host page.
    assert!(page.contains("href=\"../../2025/nyhed/\""));
    // The cached status and when it was checked.
    assert!(
        page.contains("link-status-broken\">Virker ikke · 404"),
        "status from the cache"
    );
    assert!(page.contains("Tjekket"));
    assert!(!page.contains("index-pager"), "one page needs no pager");

    // The archive's own links, as site-relative links from /links/archive/.
    let own = f.read_output("links/archive/index.html");
    assert!(own.contains("href=\"../../2024/beretning/\""));
    assert!(own.contains("href=\"../../2024/beretning/#oekonomi\""));
    assert!(own.contains("href=\"../../2024/bilag/budget.pdf\""));
    let mail = f.read_output("links/forening-example/index.html");
    assert!(mail.contains("mailto:formand@forening.example"));
    // Images are not links.
    for file in [&overview, &page, &own, &mail] {
        assert!(!file.contains("cdn.example"));
    }
    assert!(!f.output().join("links/cdn-example").exists());
}

/// A site with `docs` documents, each linking to `per_doc` addresses on one host, and the
/// first address cited by every document.
fn many_links(docs: usize, per_doc: usize) -> Fixture {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    for d in 0..docs {
        let mut body = String::from("[forsiden](https://www.stor.example/)\n\n");
        for l in 0..per_doc {
            body.push_str(&format!(
                "- [punkt {l}](https://www.stor.example/d{d:03}/side-{l:03})\n"
            ));
        }
        f.doc(
            &format!("2024/dok-{d:03}.md"),
            &format!(
                "title: Dokument {d:03}\ndate: 2024-01-{:02}\nkind: newsletter",
                d % 28 + 1
            ),
            &body,
        );
    }
    f
}

#[test]
fn a_big_host_is_split_into_pages_that_keep_every_link() {
    let f = many_links(12, 60);
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let dir = f.output().join("links/www-stor-example");
    let mut pages = vec![std::fs::read_to_string(dir.join("index.html")).unwrap()];
    let mut n = 2;
    while let Ok(p) = std::fs::read_to_string(dir.join(format!("{n}/index.html"))) {
        pages.push(p);
        n += 1;
    }
    // 721 addresses weigh 721 × 4 = 2,884 against 500 a page: six pages.
    assert_eq!(pages.len(), 6, "pages");
    // Every address appears exactly once across the pages, every citation line too.
    let all: String = pages.concat();
    for d in 0..12 {
        for l in [0, 31, 59] {
            let url = format!("href=\"https://www.stor.example/d{d:03}/side-{l:03}\"");
            assert_eq!(all.matches(&url).count(), 1, "{url}");
        }
    }
    assert_eq!(all.matches("<q>punkt ").count(), 720);
    assert_eq!(all.matches("<q>forsiden</q>").count(), 12);
    // Each page says where it is and links to its neighbours and to every page.
    assert!(pages[0].contains("Side 1 / 6"));
    assert!(pages[0].contains("rel=\"next\" href=\"../../links/www-stor-example/2/\""));
    assert!(!pages[0].contains("rel=\"prev\""));
    assert!(pages[2].contains("Side 3 / 6"));
    assert!(pages[2].contains("rel=\"prev\" href=\"../../../links/www-stor-example/2/\""));
    assert!(pages[2].contains("rel=\"next\" href=\"../../../links/www-stor-example/4/\""));
    assert!(pages[2].contains("<title>www.stor.example · Linkoversigt · Side 3"));
    assert!(!pages[5].contains("rel=\"next\""));
    for (i, p) in pages.iter().enumerate() {
        let root = if i == 0 { "../../" } else { "../../../" };
        // The first page lists every page with the range of addresses on it; the others
        // list the page numbers.
        let (current, link) = if i == 0 {
            ("<li><span aria-current=\"page\"><b>1</b>", "<b>{n}</b>")
        } else {
            ("<li><span aria-current=\"page\">{n}</span>", "{n}</a>")
        };
        let current = current.replace("{n}", &(i + 1).to_string());
        assert_eq!(p.matches(&current).count(), 1, "page {i}");
        for j in (0..pages.len()).filter(|&j| j != i) {
            let url = if j == 0 {
                format!("{root}links/www-stor-example/")
            } else {
                format!("{root}links/www-stor-example/{}/", j + 1)
            };
            let text = link.replace("{n}", &(j + 1).to_string());
            assert!(
                p.contains(&format!("<a href=\"{url}\">{text}")),
                "page {i} links to page {j}"
            );
        }
        assert!(p.contains("Filteret søger på denne side."));
    }
    // The first page names the first and last address of each page.
    assert!(pages[0].contains("<b>2</b> <span class=\"pager-range\">stor.example/d"));
    // The overview counts it all and names the pages.
    let overview = f.read_output("links/index.html");
    assert!(
        overview.contains("732 links · 721 adresser · 6 sider"),
        "{overview}"
    );
}

#[test]
fn a_link_cited_more_often_than_a_page_holds_continues_on_the_next() {
    // 700 documents citing one address: more citations than one page holds.
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    for d in 0..700 {
        f.doc(
            &format!("2023/n-{d:03}.md"),
            &format!("title: Notat {d:03}\ndate: 2023-02-03\nkind: minutes"),
            "Se [aftalen](https://aftale.example/ok.pdf).\n",
        );
    }
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let first = f.read_output("links/aftale-example/index.html");
    let second = f.read_output("links/aftale-example/2/index.html");
    assert!(!f.output().join("links/aftale-example/3").exists());
    let shown = |p: &str| p.matches("<q>aftalen</q>").count();
    assert_eq!(shown(&first) + shown(&second), 700);
    assert!(
        shown(&first) >= 400,
        "the first page is filled: {}",
        shown(&first)
    );
    assert!(first.contains("fortsætter på næste side"));
    assert!(second.contains("(fortsat)"));
    assert!(first.contains("nævnt 700 gange") && second.contains("nævnt 700 gange"));
    // The PDF index pages the same way.
    let pdf1 = f.read_output("pdfs/2023/index.html");
    let pdf2 = f.read_output("pdfs/2023/2/index.html");
    let notes = |p: &str| p.matches(">Notat ").count();
    assert_eq!(notes(&pdf1) + notes(&pdf2), 700);
    // The website page shows the newest few citing documents and links to the year page's
    // row, which has them all, instead of repeating 700 lines.
    assert!(!f.output().join("pdfs/host-aftale-example/2").exists());
    let host = f.read_output("pdfs/host-aftale-example/index.html");
    assert_eq!(notes(&host), 3);
    assert!(host.contains("href=\"../../pdfs/2023/#pdf-0\">Se alle steder, den er nævnt</a>"));
    assert!(pdf1.contains("id=\"pdf-0\""));
}

#[test]
fn link_index_without_checks_says_so() {
    let f = two_documents();
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "[x](https://a.example/)\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    let page = f.read_output("links/index.html");
    assert!(
        page.contains("ikke tjekket endnu"),
        "says the links are not checked yet"
    );
    assert!(
        !page.contains("arkiv check"),
        "members are not told to run a command"
    );
    assert!(!page.contains("link-status-"), "no status without a check");
}

#[test]
fn a_damaged_check_cache_is_a_warning_not_a_lost_build() {
    let f = two_documents();
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "[x](https://a.example/)\n",
    );
    f.write(
        ".arkiv-linkcheck.json",
        "{\"version\": 1, \"results\": [oops",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains(".arkiv-linkcheck.json"), "{stderr}");
    let page = f.read_output("links/a-example/index.html");
    assert!(
        !page.contains("link-status-"),
        "no status from a damaged cache"
    );
    assert!(page.contains("href=\"https://a.example/\""));
}

/// Every `.html` file under `dir`.
fn html_files(dir: &std::path::Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "html") {
            into.push(path);
        }
    }
}

#[test]
fn counts_of_one_read_in_the_singular_on_every_page() {
    let f = Fixture::new("title: Testforeningen\nminify: false\n");
    f.doc(
        "2025/nyhed.md",
        "title: Nyhed\ndate: 2025-01-10\nkind: newsletter",
        "Se [kommunens side](https://kommune.example/affald).\n",
    );
    f.doc(
        "2025/oplaeg.md",
        "title: Oplæg\ndate: 2025-01-12\nkind: slides",
        "## Det eneste slide\n\n- Et punkt\n",
    );
    let (code, stderr) = f.build_cli(&[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(f
        .read_output("links/index.html")
        .contains("1 link · 1 adresse · 1 websted"));
    assert!(f
        .read_output("links/kommune-example/index.html")
        .contains("1 link · 1 adresse"));
    assert!(f
        .read_output("archive/2025/index.html")
        .contains("1 slide<"));
    let plural_of_one = plurals_of_one(&[
        "links",
        "adresser",
        "websteder",
        "slides",
        "dokumenter",
        "sider",
    ]);
    let mut pages = Vec::new();
    html_files(&f.output(), &mut pages);
    for page in pages {
        let text = std::fs::read_to_string(&page).unwrap();
        if let Some(bad) = plural_of_one.iter().find(|p| text.contains(p.as_str())) {
            panic!(
                "{}: \"{}\"",
                page.display(),
                bad.trim_start_matches(['>', ' '])
            );
        }
    }
}

/// "1 links", written as it stands after a tag or a space: the plural after the count one.
fn plurals_of_one(nouns: &[&str]) -> Vec<String> {
    nouns
        .iter()
        .flat_map(|n| {
            [
                format!(">1 {n}<"),
                format!(">1 {n} "),
                format!(" 1 {n} "),
                format!(" 1 {n}<"),
            ]
        })
        .collect()
}
