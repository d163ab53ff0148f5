//! Danske beskeder. Hver nøgle her findes også i `en.rs`, med de samme `{pladsholdere}`.
//! Nøgler, der ender på `.one` og `.other`, er ental og flertal af samme besked.

pub const MESSAGES: &[(&str, &str)] = &[
    ("label.error", "fejl"),
    ("label.hint", "tip"),
    ("label.note", "bemærk"),
    ("hint.did_you_mean", "mente du »{a}«?"),
    ("hint.did_you_mean_two", "mente du »{a}« eller »{b}«?"),
    // Enhver kommando, der får en mappe, som ikke findes.
    ("cli.not_a_folder", "{dir} er ikke en mappe"),
    (
        "cli.not_a_folder_hint",
        "kør arkiv {command} i sitets mappe, eller skriv stien: arkiv {command} sti/til/sitet",
    ),
    // `arkiv` alene i en sitemappe.
    ("next.here", "Denne mappe indeholder et arkiv-site: {title}. Det kan du skrive nu:"),
    ("next.serve", "  arkiv serve --open      se sitet i browseren, mens du skriver"),
    (
        "next.new",
        "  arkiv new meeting \"Bestyrelsesmøde\"   skriv et nyt dokument (typer: {kinds})",
    ),
    ("next.build", "  arkiv build             byg det færdige site i mappen output/"),
    ("next.help", "arkiv --help viser alle kommandoer."),
    // arkiv build
    (
        "build.done.one",
        "byggede 1 dokument i {output} ({pages} sider, {files} filer{warnings})",
    ),
    (
        "build.done.other",
        "byggede {n} dokumenter i {output} ({pages} sider, {files} filer{warnings})",
    ),
    ("build.warnings.one", ", 1 advarsel"),
    ("build.warnings.other", ", {n} advarsler"),
    (
        "build.failed.one",
        "sitet blev ikke bygget: 1 fejl; det forrige output er ikke rørt",
    ),
    (
        "build.failed.other",
        "sitet blev ikke bygget: {n} fejl; det forrige output er ikke rørt",
    ),
    ("build.took", "tog {ms} ms i alt"),
    // arkiv generate
    (
        "generate.done",
        "skrev {documents} dokumenter ({meetings} møder, {pdfs} PDF'er, {mb} MB Markdown) i {dir}",
    ),
    ("generate.failed", "kan ikke skrive sitet i {dir}: {reason}"),
    ("generate.failed_hint", "angiv en mappe, der er tom eller ikke findes endnu"),
    // arkiv serve
    ("serve.where", "viser {dir} på {url} (tryk Ctrl-C for at stoppe)"),
    (
        "serve.opened",
        "Sitet åbnes i din browser. Lad dette vindue være åbent, mens du skriver: siden opdateres, hver gang du gemmer. Tryk Ctrl-C her for at stoppe.",
    ),
    (
        "serve.open_failed",
        "kunne ikke åbne en browser ({reason}); åbn selv {url}",
    ),
    (
        "serve.listening_everywhere",
        "lytter på {bind} — andre computere på netværket kan se forhåndsvisningen",
    ),
    ("serve.stopped", "forhåndsvisningen er stoppet"),
    // arkiv init
    ("init.default_title", "Beboerforeningen Kastanjegården"),
    ("init.not_a_folder", "{dir} er en fil, ikke en mappe"),
    ("init.not_a_folder_hint", "skriv navnet på en ny mappe: arkiv init min-forening"),
    ("init.site_exists", "{dir} indeholder allerede et site ({what} findes); intet er skrevet"),
    (
        "init.site_exists_hint",
        "arkiv init overskriver aldrig: angiv en ny mappe (arkiv init min-forening), eller arbejd videre med sitet, der er der (arkiv serve --open)",
    ),
    ("init.file_exists", "{path} findes allerede; intet er skrevet"),
    ("init.empty_title", "titlen er tom"),
    ("init.empty_title_hint", "skriv foreningens navn: arkiv init --title \"Foreningens navn\""),
    ("init.cannot_write", "kan ikke skrive {path}: {reason}"),
    ("init.cannot_write_hint", "vælg en mappe, du må skrive i, fx en mappe under Dokumenter"),
    ("init.done", "Lavede et nyt site i {dir}."),
    ("init.change_title", "Foreningens navn er opdigtet: ret `title:` i site.yaml."),
    ("init.next", "Skriv nu:"),
    ("init.read_me", "{readme} i sitets mappe fortæller, hvad du gør derefter."),
    ("init.wrote", "  skrev {path}"),
    // arkiv new
    ("new.no_site", "{dir} indeholder intet site (der er ingen site.yaml)"),
    (
        "new.no_site_hint",
        "kør arkiv new i sitets mappe, angiv den med --site sti/til/sitet, eller lav et site med arkiv init",
    ),
    ("new.unknown_kind", "ukendt dokumenttype »{kind}«"),
    ("new.kinds", "typerne er: {kinds}"),
    ("new.no_slug", "titlen »{title}« har ingen bogstaver eller tal at navngive filen efter"),
    ("new.no_slug_hint", "skriv en titel med ord: arkiv new meeting \"Generalforsamling 2026\""),
    ("new.bad_date", "»{date}« er ikke en dato på formen ÅÅÅÅ-MM-DD"),
    ("new.bad_date_hint", "skriv datoen som år-måned-dag, fx --date 2026-04-23"),
    ("new.meeting_not_allowed", "et dokument af typen {kind} kan ikke høre til et møde"),
    (
        "new.meeting_not_allowed_hint",
        "udelad --meeting; mødets dokumenter knyttes til mødet med --meeting, når de oprettes",
    ),
    ("new.unknown_meeting", "der er intet møde »{meeting}«"),
    ("new.no_meetings", "sitet har ingen møder endnu: opret et med arkiv new meeting \"Generalforsamling 2026\""),
    ("new.meetings_are", "sitets møder er: {meetings}"),
    ("new.exists", "{path} findes allerede og er ikke rørt"),
    ("new.address_taken", "{path} har allerede denne adresse ({slug}); sitet kan ikke bygges med dem begge"),
    ("new.exists_hint", "åbn den fil, eller giv det nye dokument en anden titel"),
    ("new.cannot_write", "kan ikke skrive {path}: {reason}"),
    ("new.fill_committee", "Skriv udvalgets navn efter `committee:` i filen."),
    (
        "new.next",
        "Åbn filen i din teksteditor, og skriv. Se den med: arkiv serve --open",
    ),
    // arkiv --help
    ("help.about", "Byg foreningens arkiv af beretninger, nyhedsbreve, slides og møder"),
    (
        "help.after",
        "Start et site: arkiv init min-forening --title \"Foreningens navn\"\nDerefter, i dets mappe: arkiv new meeting \"Generalforsamling\", arkiv serve --open, arkiv build",
    ),
    ("help.heading.usage", "Brug:"),
    ("help.heading.commands", "Kommandoer"),
    ("help.heading.command_value", "KOMMANDO"),
    ("help.heading.arguments", "Argumenter"),
    ("help.heading.options", "Valg"),
    ("help.help", "Vis hjælp"),
    ("help.version", "Vis versionen"),
    ("help.quiet", "Skriv kun fejl"),
    ("help.verbose", "Skriv mere: tiden for hvert trin og hver fil, der skrives"),
    (
        "help.lang",
        "Sproget i arkivs beskeder [standard: ARKIV_LANG, ellers sitets `language:`, ellers LANG]",
    ),
    (
        "help.init",
        "Start et nyt site: site.yaml med alle indstillinger forklaret, et eksempel på hver slags dokument og en vejledning i, hvad du gør nu. Overskriver aldrig noget",
    ),
    ("help.init.dir", "Mappen til det nye site (oprettes, hvis den ikke findes)"),
    ("help.init.title", "Foreningens navn, som vises på hver side"),
    (
        "help.init.language",
        "Sitets sprog: dansk eller engelsk [standard: da, eller en, hvis LANG er engelsk]",
    ),
    (
        "help.new",
        "Start et nyt dokument: content/<år>/<navn>.md med de oplysninger, dokumenttypen skal have",
    ),
    (
        "help.new.kind",
        "chairman-report, committee-report, newsletter, slides, minutes, accounts, meeting eller page (danske ord virker også: møde, beretning, referat, regnskab, nyhedsbrev …)",
    ),
    ("help.new.title", "Dokumentets titel; filen navngives efter den"),
    ("help.new.date", "Datoen, ÅÅÅÅ-MM-DD [standard: i dag i København]; en side har ingen"),
    ("help.new.meeting", "Navnet på mødet, dokumentet hører til (mødet skal findes)"),
    (
        "help.completions",
        "Skriv et script til tab-fuldførelse i skallen: arkiv completions bash > ~/.local/share/bash-completion/completions/arkiv",
    ),
    ("help.completions.shell", "bash, zsh, fish, powershell eller elvish"),
    (
        "help.check",
        "Tjek alle links: først de interne, så dem til andre hjemmesider (huskes i .arkiv-linkcheck.json). Slutkode 0: alt i orden; 1: et link virker ikke; 2: forkert brug",
    ),
    ("help.check.offline", "Tjek kun interne links; intet sendes ud fra denne computer"),
    ("help.check.format", "Hvordan resultatet skrives"),
    ("help.check.fresh", "Spørg igen om alle eksterne links, uden at bruge de huskede svar"),
    ("help.check.max_age_hours", "Brug huskede svar, der er yngre end så mange timer"),
    (
        "help.serve",
        "Se sitet, mens du skriver: det vises fra hukommelsen på denne computer, bygges igen, hver gang du gemmer, og åbne faner opdateres. Det udgivne output røres aldrig",
    ),
    ("help.serve.port", "Porten, der lyttes på (0: en hvilken som helst ledig port)"),
    (
        "help.serve.bind",
        "Adressen, der lyttes på; andre computere kan se sitet, medmindre den er 127.0.0.1",
    ),
    ("help.serve.open", "Åbn sitet i standardbrowseren"),
    ("help.serve.timings", "Skriv, hvor lang tid hvert trin af en genopbygning tog"),
    ("help.build", "Byg sitet i output-mappen"),
    ("help.build.output", "Hvor sitet skal skrives (standard: SITE_DIR/output)"),
    ("help.build.timings", "Skriv, hvor lang tid hvert trin tog"),
    ("help.site_dir", "Sitets mappe (med site.yaml og content/)"),
    ("help.drafts", "Tag dokumenter med `draft: true` med"),
    (
        "help.generate",
        "Skriv et opdigtet arkiv med N dokumenter (til målinger og til at prøve arkiv)",
    ),
    ("help.generate.dir", "Mappen, sitet skal skrives i (skal være tom eller ikke findes)"),
    ("help.generate.documents", "Hvor mange dokumenter"),
    ("help.generate.seed", "Samme frø, samme site, byte for byte"),
];
