//! `arkiv members add|remove|list` as a secretary or a script runs it: the password piped on
//! standard input, the file it writes, what it says and its exit codes.

mod cli_support;
use cli_support::{arkiv, arkiv_stdin, build, new_site};
use std::path::Path;

/// A folder with a site.yaml holding `yaml`.
fn site(yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), yaml).unwrap();
    dir
}

fn htpasswd(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("members.htpasswd")).unwrap()
}

/// The hash on `name`'s line.
fn hash_of(text: &str, name: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no line for {name} in {text}"))
        .to_string()
}

#[test]
fn add_replace_list_and_remove_with_the_password_from_a_pipe() {
    let dir = site("title: Beboerforeningen\n");
    let run = arkiv_stdin(dir.path(), &["members", "add", "anna"], "kaffe og kage\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("anna er tilføjet i members.htpasswd og kan logge ind i medlemsområdet\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("bemærk: læg members.htpasswd op på webserveren"),
        "{}",
        run.stderr
    );
    let first = hash_of(&htpasswd(dir.path()), "anna");
    assert!(first.starts_with("$2y$10$"), "{first}");
    assert!(bcrypt::verify("kaffe og kage", &first).unwrap());

    let run = arkiv_stdin(dir.path(), &["members", "add", "anna"], "te og boller\r\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("anna havde allerede en adgangskode i members.htpasswd; den er nu skiftet"),
        "{}",
        run.stderr
    );
    let text = htpasswd(dir.path());
    assert_eq!(text.lines().count(), 1, "{text}");
    let second = hash_of(&text, "anna");
    assert!(bcrypt::verify("te og boller", &second).unwrap());
    assert!(!bcrypt::verify("kaffe og kage", &second).unwrap());

    let run = arkiv_stdin(dir.path(), &["members", "add", "bo"], "bos kodeord");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = arkiv(dir.path(), &["members", "list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "anna\nbo\n");
    assert_eq!(run.stderr, "2 medlemmer i members.htpasswd:\n");

    let run = arkiv(dir.path(), &["members", "remove", "anna"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stderr
        .starts_with("anna er fjernet fra members.htpasswd og kan ikke længere logge ind\n"));
    assert!(!htpasswd(dir.path()).contains("anna"));
    assert_eq!(arkiv(dir.path(), &["members", "list"]).stdout, "bo\n");

    let run = arkiv(dir.path(), &["members", "remove", "carl"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "fejl: members.htpasswd: carl findes ikke\n  tip: navnene i filen er: bo\n"
    );
    let run = arkiv(dir.path(), &["members", "remove", "bo", "--quiet"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = arkiv(dir.path(), &["members", "list"]);
    assert_eq!(run.stdout, "");
    assert!(run
        .stderr
        .starts_with("der er ingen medlemmer i members.htpasswd endnu"));
}

#[test]
fn bad_names_and_passwords_are_refused_and_nothing_is_written() {
    let dir = site("title: Beboerforeningen\n");
    let refused = |args: &[&str], input: &str, code: i32, says: &[&str]| {
        let run = arkiv_stdin(dir.path(), args, input);
        assert_eq!(run.code, code, "{args:?}: {}", run.stderr);
        for text in says {
            assert!(run.stderr.contains(text), "{args:?}: {}", run.stderr);
        }
        assert!(!dir.path().join("members.htpasswd").exists(), "{args:?}");
    };
    refused(
        &["members", "add", "anna:b"],
        "kage\n",
        2,
        &[
            "fejl: navnet \"anna:b\" indeholder et kolon (:)",
            "tip: vælg et navn uden det, fx anna-b",
        ],
    );
    refused(
        &["members", "add", "Anna Jensen"],
        "kage\n",
        2,
        &["indeholder et mellemrum", "fx Anna-Jensen"],
    );
    refused(
        &["members", "add", "anna\u{1b}"],
        "kage\n",
        2,
        &["navnet \"anna\\u{1b}\""],
    );
    refused(
        &["members", "add", ""],
        "kage\n",
        2,
        &["fejl: navnet er tomt", "arkiv members add anna"],
    );
    refused(
        &["members", "add", "anna"],
        "",
        1,
        &["fejl: adgangskoden er tom", "tip: skriv en adgangskode"],
    );
    refused(
        &["members", "add", "anna"],
        "\n",
        1,
        &["adgangskoden er tom"],
    );
    refused(
        &["members", "add", "anna"],
        &format!("{}\n", "x".repeat(80)),
        1,
        &["adgangskoden fylder 80 byte; bcrypt læser højst 72"],
    );
    refused(
        &["members", "remove", "anna"],
        "",
        1,
        &[
            "fejl: members.htpasswd: adgangskodefilen findes ikke",
            "tip: tilføj det første medlem med: arkiv members add NAVN",
        ],
    );
    refused(&["members", "list"], "", 1, &["findes ikke"]);
    refused(
        &["members", "list", "--site", "nowhere"],
        "",
        2,
        &["fejl: nowhere er ikke en mappe", "--site"],
    );
}

#[test]
fn messages_follow_the_site_language_and_are_danish_without_a_site() {
    let bare = tempfile::tempdir().unwrap();
    let run = arkiv_stdin(bare.path(), &["members", "add", "anna"], "kage\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("anna er tilføjet"), "{}", run.stderr);

    let english = site("title: Residents\nlanguage: en\n");
    let run = arkiv_stdin(english.path(), &["members", "add", "anna"], "kage\n");
    assert!(
        run.stderr
            .starts_with("anna is added to members.htpasswd and can log in to the members' area"),
        "{}",
        run.stderr
    );
    let run = arkiv(english.path(), &["members", "remove", "bo"]);
    assert_eq!(
        run.stderr,
        "error: members.htpasswd: bo is not there\n  hint: the names in the file are: anna\n"
    );
    // A site.yaml this version cannot read whole still gives its language.
    let odd = site("title: Residents\nlanguage: en\nmembers:\n  htpasswd: /srv/x\n");
    let run = arkiv_stdin(odd.path(), &["members", "add", "anna"], "kage\n");
    assert!(run.stderr.starts_with("anna is added"), "{}", run.stderr);

    let danish = site("title: Beboerne\n");
    let run = arkiv_stdin(
        danish.path(),
        &["members", "add", "anna", "--lang", "en"],
        "",
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: the password is empty\n  hint: type a password; a sentence of a few words is both safe and easy to remember\n"
    );
}

#[test]
fn the_file_is_where_file_or_site_says_and_other_lines_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("forening")).unwrap();
    let run = arkiv_stdin(
        dir.path(),
        &["members", "add", "anna", "--site", "forening"],
        "kage\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("forening/members.htpasswd"),
        "{}",
        run.stderr
    );
    assert!(htpasswd(&dir.path().join("forening")).starts_with("anna:$2y$10$"));

    let file = dir.path().join("adgang.txt");
    std::fs::write(
        &file,
        "# bestyrelsen\r\nbo:$apr1$abc$def\r\nnoget rod\r\ncarl:{SHA}xyz=\r\n",
    )
    .unwrap();
    let run = arkiv_stdin(
        dir.path(),
        &["members", "add", "anna", "--file", "adgang.txt"],
        "kage\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "advarsel: adgang.txt:3: linjen er ikke på formen navn:adgangskode-hash; den bliver stående, som den er\n  tip: ret eller slet linjen"
        ),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with(
            "# bestyrelsen\r\nbo:$apr1$abc$def\r\nnoget rod\r\ncarl:{SHA}xyz=\r\nanna:$2y$10$"
        ),
        "{text:?}"
    );
    assert!(text.ends_with("\r\n"));
    let run = arkiv(dir.path(), &["members", "list", "--file", "adgang.txt"]);
    assert_eq!(run.stdout, "bo\ncarl\nanna\n");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_password_file_is_never_published() {
    let (_dir, site) = new_site("da");
    let run = arkiv_stdin(&site, &["members", "add", "anna"], "kage\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hash = hash_of(&htpasswd(&site), "anna");
    build(&site);
    let output = site.join("output");
    assert!(output.join("index.html").is_file());
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        assert!(
            !entry.file_name().to_string_lossy().contains("htpasswd"),
            "{}",
            entry.path().display()
        );
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(&hash),
                "{} holds the hash",
                entry.path().display()
            );
        }
    }
}
