//! Deterministic generator of a synthetic association archive.
//!
//! Benchmarks and tests need archives of a known, repeatable size (1,000 or
//! 10,000 documents) that stress the same code paths as a real Danish GP
//! association's archive: long reports with sections, slide decks, minutes,
//! meetings with programmes, tables with Danish amounts, internal links
//! between years, many links to external PDFs and a few attached PDF files.
//! Real archives cannot be shipped with the project and are far too small,
//! so this module fabricates one from a seed. It uses only the standard
//! library (its own SplitMix64 generator, no hash-map iteration, no clock),
//! so the same seed and options give byte-identical output on every machine,
//! whatever the number of threads used to write it.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// What to generate. Kept as a struct so benchmarks and tests can state the
/// archive they depend on in one place and reproduce it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Number of Markdown documents, so benchmark sizes are exact.
    pub documents: usize,
    /// Seed of the pseudo-random generator; a different seed gives a
    /// different archive of the same shape.
    pub seed: u64,
}

/// What was written, so callers can report throughput and check their own
/// counts against the generator's without walking the tree again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateSummary {
    /// Markdown documents written (equals `GenerateOptions::documents`).
    pub documents: usize,
    /// Documents of kind `meeting`, which other documents may refer to.
    pub meetings: usize,
    /// Hand-written PDF attachments, to exercise asset copying.
    pub pdfs: usize,
    /// Total size of all `.md` files, to express benchmark throughput.
    pub markdown_bytes: u64,
}

/// Writes `site.yaml` and `content/...` into `dir` (which must be empty or not exist). Returns a summary.
///
/// Refusing a non-empty directory keeps a stray path from mixing generated
/// files into real content. Documents are spread over `content/2000` to
/// `content/2025`; every internal link, `meeting:` reference and programme
/// `document:` points at a document that is written.
pub fn generate_site(dir: &Path, options: &GenerateOptions) -> io::Result<GenerateSummary> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} exists and is not a directory", dir.display()),
            ));
        }
        if fs::read_dir(dir)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty", dir.display()),
            ));
        }
    }
    let content = dir.join("content");
    fs::create_dir_all(&content)?;
    fs::write(
        dir.join("site.yaml"),
        "title: Generated Association\nbase_url: /\nlanguage: da\n",
    )?;

    let ar = plan(options.documents, options.seed);
    let n = ar.docs.len();
    let mut years = BTreeSet::new();
    for d in &ar.docs {
        years.insert(d.date.y);
    }
    for y in &years {
        fs::create_dir_all(content.join(y.to_string()))?;
    }

    let threads = std::thread::available_parallelism()
        .map(|t| t.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(n.max(1));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let results: Vec<io::Result<u64>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let ar = &ar;
                let next = &next;
                let failed = &failed;
                let content = &content;
                s.spawn(move || -> io::Result<u64> {
                    let mut bytes = 0u64;
                    let mut r = Render::new(ar);
                    let mut path = content.clone();
                    loop {
                        if failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        r.render(i);
                        let d = &ar.docs[i];
                        path.push(d.date.y.to_string());
                        path.push(format!("{}.md", d.slug));
                        let res = fs::write(&path, r.out.as_bytes()).and_then(|_| {
                            if let Some(pdf) = &d.pdf {
                                path.set_file_name(pdf);
                                fs::write(
                                    &path,
                                    pdf_bytes(&d.title, d.date, &ar.people[d.authors[0]]),
                                )
                            } else {
                                Ok(())
                            }
                        });
                        path.pop();
                        path.pop();
                        if let Err(e) = res {
                            failed.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                        bytes += r.out.len() as u64;
                    }
                    Ok(bytes)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("generator thread panicked")))
            })
            .collect()
    });
    let mut markdown_bytes = 0;
    for r in results {
        markdown_bytes += r?;
    }
    Ok(GenerateSummary {
        documents: n,
        meetings: ar.docs.iter().filter(|d| d.kind == Kind::Meeting).count(),
        pdfs: ar.docs.iter().filter(|d| d.pdf.is_some()).count(),
        markdown_bytes,
    })
}

// ---------------------------------------------------------------------------
// Pseudo-random numbers
// ---------------------------------------------------------------------------

/// SplitMix64: tiny, fast, and identical everywhere.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, s: &[T]) -> T {
        s[self.below(s.len())]
    }
    /// Biased towards the start of the slice, giving a Zipf-like spread.
    fn pick_skewed<T: Copy>(&mut self, s: &[T]) -> T {
        let a = self.below(s.len());
        let b = self.below(s.len());
        s[a.min(b)]
    }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const FIRST_YEAR: u16 = 2000;
const LAST_YEAR: u16 = 2025;
const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Date {
    y: u16,
    m: u8,
    d: u8,
}

fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    fn random(rng: &mut Rng) -> Date {
        let y = FIRST_YEAR + rng.below(YEARS) as u16;
        let m = rng.range(1, 12) as u8;
        let d = rng.range(1, days_in_month(y, m) as usize) as u8;
        Date { y, m, d }
    }
    /// Adds (or subtracts) days, staying inside the archive's years.
    fn add_days(self, days: i32) -> Date {
        let mut d = self;
        if days >= 0 {
            for _ in 0..days {
                if d.d < days_in_month(d.y, d.m) {
                    d.d += 1;
                } else if d.m < 12 {
                    d.m += 1;
                    d.d = 1;
                } else if d.y < LAST_YEAR {
                    d = Date {
                        y: d.y + 1,
                        m: 1,
                        d: 1,
                    };
                } else {
                    break;
                }
            }
        } else {
            for _ in 0..(-days) {
                if d.d > 1 {
                    d.d -= 1;
                } else if d.m > 1 {
                    d.m -= 1;
                    d.d = days_in_month(d.y, d.m);
                } else if d.y > FIRST_YEAR {
                    d = Date {
                        y: d.y - 1,
                        m: 12,
                        d: 31,
                    };
                } else {
                    break;
                }
            }
        }
        d
    }
    fn push_iso(self, out: &mut String) {
        let _ = write!(out, "{:04}-{:02}-{:02}", self.y, self.m, self.d);
    }
    fn push_long(self, out: &mut String) {
        let _ = write!(
            out,
            "{}. {} {}",
            self.d,
            MONTHS[self.m as usize - 1],
            self.y
        );
    }
}

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

/// A noun with its indefinite, definite, plural and definite plural forms,
/// its gender (neuter or not) and whether it works as the tail of a compound.
#[derive(Clone, Copy)]
struct Noun {
    i: &'static str,
    d: &'static str,
    p: &'static str,
    pd: &'static str,
    neuter: bool,
    tail: bool,
}

const fn n(
    i: &'static str,
    d: &'static str,
    p: &'static str,
    pd: &'static str,
    neuter: bool,
    tail: bool,
) -> Noun {
    Noun {
        i,
        d,
        p,
        pd,
        neuter,
        tail,
    }
}

const NOUNS: &[Noun] = &[
    n("aftale", "aftalen", "aftaler", "aftalerne", false, true),
    n(
        "overenskomst",
        "overenskomsten",
        "overenskomster",
        "overenskomsterne",
        false,
        false,
    ),
    n("læge", "lægen", "læger", "lægerne", false, true),
    n(
        "patient",
        "patienten",
        "patienter",
        "patienterne",
        false,
        false,
    ),
    n(
        "klinik",
        "klinikken",
        "klinikker",
        "klinikkerne",
        false,
        true,
    ),
    n("region", "regionen", "regioner", "regionerne", false, false),
    n(
        "kommune",
        "kommunen",
        "kommuner",
        "kommunerne",
        false,
        false,
    ),
    n("opgave", "opgaven", "opgaver", "opgaverne", false, true),
    n(
        "henvisning",
        "henvisningen",
        "henvisninger",
        "henvisningerne",
        false,
        false,
    ),
    n(
        "ventetid",
        "ventetiden",
        "ventetider",
        "ventetiderne",
        false,
        false,
    ),
    n("ydelse", "ydelsen", "ydelser", "ydelserne", false, true),
    n(
        "forhandling",
        "forhandlingen",
        "forhandlinger",
        "forhandlingerne",
        false,
        false,
    ),
    n(
        "indsats",
        "indsatsen",
        "indsatser",
        "indsatserne",
        false,
        true,
    ),
    n(
        "ordning",
        "ordningen",
        "ordninger",
        "ordningerne",
        false,
        true,
    ),
    n("model", "modellen", "modeller", "modellerne", false, true),
    n(
        "struktur",
        "strukturen",
        "strukturer",
        "strukturerne",
        false,
        true,
    ),
    n(
        "udfordring",
        "udfordringen",
        "udfordringer",
        "udfordringerne",
        false,
        false,
    ),
    n(
        "løsning",
        "løsningen",
        "løsninger",
        "løsningerne",
        false,
        true,
    ),
    n(
        "kollega",
        "kollegaen",
        "kollegaer",
        "kollegaerne",
        false,
        false,
    ),
    n("borger", "borgeren", "borgere", "borgerne", false, false),
    n("reform", "reformen", "reformer", "reformerne", false, true),
    n(
        "beslutning",
        "beslutningen",
        "beslutninger",
        "beslutningerne",
        false,
        false,
    ),
    n("høring", "høringen", "høringer", "høringerne", false, false),
    n(
        "vejledning",
        "vejledningen",
        "vejledninger",
        "vejledningerne",
        false,
        true,
    ),
    n(
        "kapacitet",
        "kapaciteten",
        "kapaciteter",
        "kapaciteterne",
        false,
        true,
    ),
    n("pulje", "puljen", "puljer", "puljerne", false, true),
    n("takst", "taksten", "takster", "taksterne", false, true),
    n("plan", "planen", "planer", "planerne", false, true),
    n("dialog", "dialogen", "dialoger", "dialogerne", false, false),
    n(
        "evaluering",
        "evalueringen",
        "evalueringer",
        "evalueringerne",
        false,
        true,
    ),
    n(
        "uddannelsesplads",
        "uddannelsespladsen",
        "uddannelsespladser",
        "uddannelsespladserne",
        false,
        false,
    ),
    n(
        "sekretær",
        "sekretæren",
        "sekretærer",
        "sekretærerne",
        false,
        false,
    ),
    n(
        "økonomi",
        "økonomien",
        "økonomier",
        "økonomierne",
        false,
        false,
    ),
    n(
        "konsultation",
        "konsultationen",
        "konsultationer",
        "konsultationerne",
        false,
        false,
    ),
    n(
        "proces",
        "processen",
        "processer",
        "processerne",
        false,
        true,
    ),
    n("rolle", "rollen", "roller", "rollerne", false, false),
    n(
        "konference",
        "konferencen",
        "konferencer",
        "konferencerne",
        false,
        true,
    ),
    n(
        "undersøgelse",
        "undersøgelsen",
        "undersøgelser",
        "undersøgelserne",
        false,
        true,
    ),
    n(
        "prioritering",
        "prioriteringen",
        "prioriteringer",
        "prioriteringerne",
        false,
        false,
    ),
    n(
        "samarbejde",
        "samarbejdet",
        "samarbejder",
        "samarbejderne",
        true,
        true,
    ),
    n("udvalg", "udvalget", "udvalg", "udvalgene", true, true),
    n(
        "budget",
        "budgettet",
        "budgetter",
        "budgetterne",
        true,
        false,
    ),
    n(
        "regnskab",
        "regnskabet",
        "regnskaber",
        "regnskaberne",
        true,
        false,
    ),
    n("møde", "mødet", "møder", "møderne", true, true),
    n("område", "området", "områder", "områderne", true, true),
    n("forløb", "forløbet", "forløb", "forløbene", true, true),
    n("tilbud", "tilbuddet", "tilbud", "tilbuddene", true, true),
    n(
        "honorar",
        "honoraret",
        "honorarer",
        "honorarerne",
        true,
        true,
    ),
    n(
        "ydernummer",
        "ydernummeret",
        "ydernumre",
        "ydernumrene",
        true,
        false,
    ),
    n(
        "projekt",
        "projektet",
        "projekter",
        "projekterne",
        true,
        true,
    ),
    n(
        "initiativ",
        "initiativet",
        "initiativer",
        "initiativerne",
        true,
        false,
    ),
    n("niveau", "niveauet", "niveauer", "niveauerne", true, true),
    n("system", "systemet", "systemer", "systemerne", true, true),
    n("forslag", "forslaget", "forslag", "forslagene", true, true),
    n("krav", "kravet", "krav", "kravene", true, true),
    n("ansvar", "ansvaret", "ansvar", "ansvarene", true, false),
    n(
        "sygehus",
        "sygehuset",
        "sygehuse",
        "sygehusene",
        true,
        false,
    ),
    n(
        "plejehjem",
        "plejehjemmet",
        "plejehjem",
        "plejehjemmene",
        true,
        false,
    ),
    n(
        "lovforslag",
        "lovforslaget",
        "lovforslag",
        "lovforslagene",
        true,
        false,
    ),
    n(
        "bureaukrati",
        "bureaukratiet",
        "bureaukratier",
        "bureaukratierne",
        true,
        false,
    ),
    n(
        "patienttal",
        "patienttallet",
        "patienttal",
        "patienttallene",
        true,
        false,
    ),
    n(
        "speciale",
        "specialet",
        "specialer",
        "specialerne",
        true,
        false,
    ),
    n(
        "internat",
        "internatet",
        "internater",
        "internaterne",
        true,
        false,
    ),
    n(
        "grundlag",
        "grundlaget",
        "grundlag",
        "grundlagene",
        true,
        true,
    ),
    n("notat", "notatet", "notater", "notaterne", true, true),
    n("arbejde", "arbejdet", "arbejder", "arbejderne", true, true),
];

/// Compound heads, already carrying their linking element ("lægevagt" + "s").
const PREFIXES: &[&str] = &[
    "lægevagts",
    "honorar",
    "sundheds",
    "praksis",
    "patient",
    "regions",
    "kommunal",
    "vagt",
    "kvalitets",
    "uddannelses",
    "overenskomst",
    "forhandlings",
    "samarbejds",
    "sekretariats",
    "medlems",
    "plejehjems",
    "psykiatri",
    "vaccinations",
    "konference",
    "akut",
    "kroniker",
    "udviklings",
    "ledelses",
    "økonomi",
    "budget",
    "hospitals",
    "speciallæge",
    "forebyggelses",
    "digitaliserings",
    "data",
    "journal",
    "medicin",
    "børne",
    "ældre",
    "læge",
    "tilgængeligheds",
    "rekrutterings",
    "arbejdsmiljø",
    "opgave",
    "visitations",
    "henvisnings",
    "telefon",
    "efteruddannelses",
    "normtals",
    "ydernummer",
    "sektor",
    "klynge",
    "takst",
];

/// Adjectives: common gender, neuter, definite/plural.
const ADJS: &[(&str, &str, &str)] = &[
    ("ny", "nyt", "nye"),
    ("god", "godt", "gode"),
    ("stor", "stort", "store"),
    ("vigtig", "vigtigt", "vigtige"),
    ("faglig", "fagligt", "faglige"),
    ("regional", "regionalt", "regionale"),
    ("kommunal", "kommunalt", "kommunale"),
    ("økonomisk", "økonomisk", "økonomiske"),
    ("politisk", "politisk", "politiske"),
    ("fælles", "fælles", "fælles"),
    ("særlig", "særligt", "særlige"),
    ("lang", "langt", "lange"),
    ("tæt", "tæt", "tætte"),
    ("konkret", "konkret", "konkrete"),
    ("væsentlig", "væsentligt", "væsentlige"),
    ("nødvendig", "nødvendigt", "nødvendige"),
    ("aktuel", "aktuelt", "aktuelle"),
    ("tværsektoriel", "tværsektorielt", "tværsektorielle"),
    ("landsdækkende", "landsdækkende", "landsdækkende"),
    ("midlertidig", "midlertidigt", "midlertidige"),
    ("permanent", "permanent", "permanente"),
    ("samlet", "samlet", "samlede"),
    (
        "tilfredsstillende",
        "tilfredsstillende",
        "tilfredsstillende",
    ),
    ("yderligere", "yderligere", "yderligere"),
    ("bedre", "bedre", "bedre"),
    ("mindre", "mindre", "mindre"),
    ("hurtig", "hurtigt", "hurtige"),
    ("sårbar", "sårbart", "sårbare"),
    ("almenmedicinsk", "almenmedicinsk", "almenmedicinske"),
    ("digital", "digitalt", "digitale"),
    ("svær", "svært", "svære"),
    ("klar", "klart", "klare"),
    ("positiv", "positivt", "positive"),
    ("kritisk", "kritisk", "kritiske"),
    ("ansvarlig", "ansvarligt", "ansvarlige"),
    ("fremtidig", "fremtidigt", "fremtidige"),
    ("nuværende", "nuværende", "nuværende"),
    ("uhonoreret", "uhonoreret", "uhonorerede"),
];

const SUBJECTS: &[&str] = &[
    "bestyrelsen",
    "foreningen",
    "vi",
    "PLO",
    "regionen",
    "Danske Regioner",
    "Sundhedsstyrelsen",
    "ministeriet",
    "sekretariatet",
    "formanden",
    "udvalget",
    "repræsentantskabet",
    "arbejdsgruppen",
    "de praktiserende læger",
    "mange kolleger",
    "kommunerne",
    "Region Midtjylland",
    "KL",
    "praksiskonsulenterne",
    "Folketinget",
    "Sundhedsministeriet",
    "lægevagten",
    "medlemmerne",
    "vi som forening",
    "samarbejdsudvalget",
    "regionsrådet",
    "forhandlingsudvalget",
    "de unge læger",
    "sygehusene",
    "klinikkerne",
];

const FIXED_NP: &[&str] = &[
    "almen praksis",
    "Region Midtjylland",
    "sundhedsreformen",
    "lægedækningen",
    "lægevagten",
    "overenskomsten",
    "praksisplanen",
    "sundhedsaftalen",
    "primærsektoren",
    "sekundærsektoren",
    "det nære sundhedsvæsen",
    "opgaveglidningen",
    "de afviste henvisninger",
    "sundhedsrådene",
    "den nationale fordelingsmodel",
    "minimumspatienttallene",
    "kvalitetsklyngerne",
];

/// Finite verb plus the rest of the verbal group ("har" + "drøftet").
const VERBS: &[(&str, &str)] = &[
    ("har", "drøftet"),
    ("har", "behandlet"),
    ("har", "sikret"),
    ("har", "fremlagt"),
    ("har", "godkendt"),
    ("har", "afvist"),
    ("har", "modtaget"),
    ("har", "prioriteret"),
    ("har", "indgået"),
    ("har", "udarbejdet"),
    ("har", "evalueret"),
    ("har", "efterlyst"),
    ("har", "påpeget"),
    ("har", "sendt"),
    ("har", "styrket"),
    ("har", "genforhandlet"),
    ("arbejder", "for"),
    ("arbejder", "med"),
    ("understøtter", ""),
    ("fastholder", ""),
    ("vurderer", ""),
    ("forhandler", "om"),
    ("ønsker", ""),
    ("afviser", ""),
    ("prioriterer", ""),
    ("følger", "op på"),
    ("styrker", ""),
    ("anbefaler", ""),
    ("kræver", ""),
    ("bakker", "op om"),
    ("peger", "på"),
    ("fortsætter", ""),
    ("præsenterede", ""),
    ("drøftede", ""),
    ("evaluerede", ""),
    ("udarbejdede", ""),
    ("besluttede", ""),
    ("godkendte", ""),
    ("modtog", ""),
    ("ser", "frem til"),
    ("holder", "fast i"),
    ("er", "optaget af"),
    ("er", "bekymret for"),
    ("lægger", "vægt på"),
    ("tager", "hånd om"),
    ("sætter", "fokus på"),
    ("får", ""),
    ("giver", ""),
    ("mangler", ""),
    ("bruger", "mange ressourcer på"),
    ("har", "arbejdet med"),
    ("har", "taget initiativ til"),
    ("blev", "enige om"),
];

const INFINITIVES: &[&str] = &[
    "sikre",
    "styrke",
    "fastholde",
    "udvikle",
    "forbedre",
    "ændre",
    "løfte",
    "afklare",
    "understøtte",
    "begrænse",
    "reducere",
    "udbrede",
    "implementere",
    "evaluere",
    "finansiere",
    "prioritere",
    "drøfte",
    "følge op på",
    "genforhandle",
    "tydeliggøre",
    "beskrive",
    "honorere",
    "dokumentere",
    "fremme",
    "forenkle",
    "undgå",
    "aftale",
    "udmønte",
    "synliggøre",
];

const MODALS: &[&str] = &["skal", "vil", "kan", "bør", "må"];

const ADVERBS: &[&str] = &[
    "fortsat",
    "løbende",
    "desværre",
    "heldigvis",
    "derfor",
    "også",
    "nu",
    "endnu ikke",
    "allerede",
    "igen",
    "fremover",
    "samtidig",
    "især",
    "blandt andet",
    "i høj grad",
    "på sigt",
    "stadig",
    "ofte",
    "altid",
    "gerne",
    "i øjeblikket",
    "konsekvent",
    "tydeligt",
];

const PREDICATES: &[&str] = &[
    "vigtigt",
    "afgørende",
    "nødvendigt",
    "tilfredsstillende",
    "positivt",
    "bekymrende",
    "glædeligt",
    "uacceptabelt",
    "centralt",
    "naturligt",
    "helt afgørende",
    "meget vigtigt",
    "forventeligt",
    "problematisk",
    "beklageligt",
];

const PLACES_PP: &[&str] = &[
    "i almen praksis",
    "i regionen",
    "i kommunerne",
    "i Region Midtjylland",
    "i hele landet",
    "i klinikkerne",
    "på sygehusene",
    "i lægevagten",
    "i primærsektoren",
    "på tværs af sektorerne",
    "i Danmark",
    "i sundhedsvæsenet",
    "på plejehjemmene",
    "i yderområderne",
    "i de store byer",
];

const PREPS: &[&str] = &[
    "for",
    "med",
    "om",
    "til",
    "på",
    "efter",
    "fra",
    "af",
    "omkring",
    "uden",
    "under",
    "ved",
    "i forbindelse med",
    "på baggrund af",
    "i samarbejde med",
    "på grund af",
    "i forhold til",
];

const INTROS: &[&str] = &[
    "I perioden",
    "På mødet",
    "Efter en lang proces",
    "I den forbindelse",
    "Samtidig",
    "Derudover",
    "Som nævnt",
    "På den baggrund",
    "Heldigvis",
    "Desværre",
    "I foråret",
    "I efteråret",
    "Ved årsskiftet",
    "Her i regionen",
    "Fremover",
    "Siden sidste møde",
];

const QUANTIFIERS: &[&str] = &[
    "flere",
    "mange",
    "alle",
    "færre",
    "de fleste",
    "nogle",
    "enkelte",
];
const POSSESSIVES: &[&str] = &[
    "vores",
    "deres",
    "regionens",
    "PLO's",
    "foreningens",
    "kommunernes",
];

const TOPICS: &[&str] = &[
    "Sundhedsreformen",
    "Lægevagten",
    "Overenskomsten",
    "Ydernumre og lægedækning",
    "Psykiatrien",
    "Datadeling",
    "Plejehjemslæger",
    "Uddannelse i almen medicin",
    "Opgaveflytning",
    "Praksisplanen",
    "Kvalitetsklynger",
    "Vaccinationer",
    "Sektorsamarbejdet",
    "Honorarstrukturen",
    "Kronikerforløb",
    "Digitalisering i praksis",
    "Akutområdet",
    "Ventetider på udredning",
    "Rekruttering og fastholdelse",
    "Ledelse af praksis",
    "Medicinhåndtering",
    "Børn og unge i mistrivsel",
    "Patienttal og normtal",
    "Arbejdsmiljø i klinikken",
    "Praksisudvikling",
    "Fasttilknyttede læger på botilbud",
    "Specialistrådgivning",
    "Sundhedsaftalen",
    "Forløbsprogrammer",
    "IT og journalsystemer",
    "Efteruddannelse",
    "Lægedækning i yderområder",
    "Regionsklinikker",
    "Afviste henvisninger",
    "Hjemmebehandling",
    "Telefonkonsultationer",
    "Praksiskonsulentordningen",
    "Forebyggelse",
    "Sundhedsrådene",
    "Økonomien i almen praksis",
    "Kommunale akutfunktioner",
    "Demens",
    "Diabetes",
    "KOL",
    "Covid-19",
    "Samarbejdet med kommunerne",
    "Lægevagtens visitation",
    "Uddannelseslæger",
    "Praksisoverdragelse",
    "Persondata og GDPR",
];

const COMMITTEES: &[&str] = &[
    "Lægevagtsudvalget",
    "Kvalitetsudvalget",
    "Uddannelsesudvalget",
    "Praksisudvalget",
    "Samarbejdsudvalget",
    "Kommunaludvalget",
    "Psykiatriudvalget",
    "IT-udvalget",
    "Økonomiudvalget",
    "Efteruddannelsesudvalget",
    "Praksisplanudvalget",
    "Sundhedsaftaleudvalget",
];

const VENUES: &[&str] = &[
    "Scandic Aarhus City, Aarhus",
    "Hotel Legoland, Billund",
    "Comwell Kolding, Kolding",
    "MCH Herning Kongrescenter, Herning",
    "Hotel Fredericia, Fredericia",
    "Radisson Blu Scandinavia, Aarhus",
    "Scandic Silkeborg, Silkeborg",
    "Viborg Kongrescenter, Viborg",
    "Domus Medica, København",
    "Hotel Pejsegården, Brædstrup",
    "Munkebjerg Hotel, Vejle",
    "Sinatur Hotel Skarrildhus, Skarrild",
    "Hotel Randers, Randers",
    "Foreningens lokaler, Aarhus",
    "Aarhus Universitetshospital, Skejby",
    "Hotel Ebeltoft Strand, Ebeltoft",
];

const TAGS: &[&str] = &[
    "lægevagt",
    "overenskomst",
    "honorar",
    "psykiatri",
    "sundhedsreform",
    "ydernumre",
    "uddannelse",
    "kvalitet",
    "covid-19",
    "vaccination",
    "datadeling",
    "plejehjem",
    "økonomi",
    "kommuner",
    "regionen",
    "it",
    "sektorsamarbejde",
    "akutområdet",
    "rekruttering",
    "arbejdsmiljø",
    "forebyggelse",
    "kronikere",
    "børn-og-unge",
    "ventetider",
    "henvisninger",
    "praksisplan",
    "efteruddannelse",
    "medicin",
    "ledelse",
    "lægedækning",
    "botilbud",
    "telemedicin",
    "demens",
    "diabetes",
    "generalforsamling",
    "bestyrelse",
    "budget",
    "vedtægter",
    "høringssvar",
    "politik",
];

const FIRST_NAMES: &[&str] = &[
    "Henrik",
    "Anne",
    "Søren",
    "Mette",
    "Jakob",
    "Lise",
    "Peter",
    "Hanne",
    "Morten",
    "Birgitte",
    "Jens",
    "Karen",
    "Allan",
    "Sara",
    "Christian",
    "Louise",
    "Thomas",
    "Pia",
    "Niels",
    "Helle",
    "Rasmus",
    "Camilla",
    "Bo",
    "Marianne",
    "Anders",
    "Kirsten",
    "Mads",
    "Trine",
    "Ole",
    "Dorthe",
    "Jørgen",
    "Ulla",
    "Kasper",
    "Sofie",
    "Lars",
    "Gitte",
    "Michael",
    "Rikke",
    "Jesper",
    "Tove",
    "Bjørn",
    "Åse",
    "Poul",
    "Inge",
    "Frederik",
    "Maja",
];
const MIDDLE_NAMES: &[&str] = &[
    "Høg", "Bak", "Juul", "Kjær", "Skov", "Holm", "Lind", "Dam", "Friis", "Bech", "Krogh", "Ravn",
];
const LAST_NAMES: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Lund",
    "Dahl",
    "Frandsen",
    "Vestergaard",
    "Østergaard",
    "Lauridsen",
    "Bruun",
    "Damgaard",
    "Juhl",
    "Kirkegaard",
    "Søndergaard",
    "Bang",
    "Iversen",
    "Svenningsen",
    "Kise",
    "Greve",
    "Fuglsang",
    "Ærenlund",
    "Bødker",
];

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

// ---------------------------------------------------------------------------
// Planning: decide every document's metadata before writing any text, so
// that links, meetings and programmes only refer to documents that exist.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    ChairmanReport,
    CommitteeReport,
    Newsletter,
    Slides,
    Minutes,
    Accounts,
    Meeting,
    Page,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::ChairmanReport => "chairman-report",
            Kind::CommitteeReport => "committee-report",
            Kind::Newsletter => "newsletter",
            Kind::Slides => "slides",
            Kind::Minutes => "minutes",
            Kind::Accounts => "accounts",
            Kind::Meeting => "meeting",
            Kind::Page => "page",
        }
    }
}

/// Real proportions of kinds in an association archive, in percent.
const KIND_WEIGHTS: [(Kind, usize); 8] = [
    (Kind::Newsletter, 35),
    (Kind::Slides, 25),
    (Kind::Minutes, 10),
    (Kind::CommitteeReport, 10),
    (Kind::Meeting, 8),
    (Kind::ChairmanReport, 4),
    (Kind::Accounts, 4),
    (Kind::Page, 4),
];

struct Doc {
    kind: Kind,
    date: Date,
    slug: String,
    title: String,
    /// Index of the meeting document this one belongs to.
    meeting: Option<usize>,
    committee: Option<usize>,
    topic: usize,
    authors: Vec<usize>,
    place: Option<usize>,
    pdf: Option<String>,
    seed: u64,
    /// For meetings: indices of the documents that belong to it.
    children: Vec<usize>,
}

struct Archive {
    people: Vec<String>,
    docs: Vec<Doc>,
    /// External URLs with a Danish link label.
    urls: Vec<(String, String)>,
}

struct Proto {
    kind: Kind,
    date: Date,
    title: String,
    slug_base: String,
    meeting_id: Option<usize>,
    own_meeting_id: Option<usize>,
    committee: Option<usize>,
    topic: usize,
    authors: Vec<usize>,
    place: Option<usize>,
    order: usize,
}

struct MeetingInfo {
    date: Date,
    title: String,
    slug_base: String,
}

fn kind_counts(n: usize) -> [usize; 8] {
    let mut counts = [0usize; 8];
    let mut rems = [(0usize, 0usize); 8];
    let mut total = 0;
    for (i, &(_, w)) in KIND_WEIGHTS.iter().enumerate() {
        counts[i] = n * w / 100;
        rems[i] = (n * w % 100, i);
        total += counts[i];
    }
    // Largest remainder first; ties keep table order.
    rems.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in rems.iter().take(n - total) {
        counts[i] += 1;
    }
    let meeting = KIND_WEIGHTS
        .iter()
        .position(|&(k, _)| k == Kind::Meeting)
        .unwrap();
    if n > 0 && counts[meeting] == 0 {
        let largest = (0..8).max_by_key(|&i| (counts[i], usize::MAX - i)).unwrap();
        counts[largest] -= 1;
        counts[meeting] += 1;
    }
    counts
}

fn chairman(year: u16) -> usize {
    ((year - FIRST_YEAR) as usize * 5 / YEARS).min(4)
}
fn treasurer(year: u16) -> usize {
    5 + ((year - FIRST_YEAR) as usize / 7) % 4
}
fn committee_chair(c: usize, year: u16) -> usize {
    10 + c * 2 + ((year - FIRST_YEAR) as usize / 9) % 2
}
fn other_person(rng: &mut Rng, people: usize) -> usize {
    rng.range(10, people - 1)
}

fn plan(n: usize, seed: u64) -> Archive {
    let mut rng = Rng::new(seed ^ 0xA5C3_1D2E_7F00_B001);

    // People: chairmen, treasurers, committee chairs and other members.
    let mut people = Vec::with_capacity(80);
    let mut seen = BTreeSet::new();
    while people.len() < 80 {
        let mut name = String::new();
        name.push_str(rng.pick(FIRST_NAMES));
        if rng.chance(30) {
            name.push(' ');
            name.push_str(rng.pick(MIDDLE_NAMES));
        }
        name.push(' ');
        name.push_str(rng.pick(LAST_NAMES));
        if seen.insert(name.clone()) {
            people.push(name);
        }
    }

    // A pool of about 200 distinct external URLs, most of them PDFs.
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

    let counts = kind_counts(n);
    let count_of = |k: Kind| counts[KIND_WEIGHTS.iter().position(|&(kk, _)| kk == k).unwrap()];
    let np = people.len();
    let mut protos: Vec<Proto> = Vec::with_capacity(n);
    let mut order = 0usize;
    let mut push = |protos: &mut Vec<Proto>, mut p: Proto| {
        p.order = order;
        order += 1;
        protos.push(p);
    };

    // Meetings, spread evenly over the years (two to four a year at 1,000
    // documents), each year's meetings spread over the calendar.
    let m_count = count_of(Kind::Meeting);
    let mut per_year = [0usize; YEARS];
    for j in 0..m_count {
        per_year[j * YEARS / m_count] += 1;
    }
    let mut meetings: Vec<MeetingInfo> = Vec::with_capacity(m_count);
    for (yi, &k) in per_year.iter().enumerate() {
        let y = FIRST_YEAR + yi as u16;
        let mut dates: Vec<Date> = (0..k)
            .map(|j| {
                let lo = 1 + 12 * j / k;
                let hi = (12 * (j + 1) / k).max(lo);
                let m = rng.range(lo, hi) as u8;
                Date {
                    y,
                    m,
                    d: rng.range(1, 28) as u8,
                }
            })
            .collect();
        dates.sort();
        for date in dates {
            let topic = rng.below(TOPICS.len());
            let (name, slug) = match date.m {
                1..=5 => rng.pick(&[
                    ("Forårsmøde", "foraarsmoede"),
                    ("Forårsmøde", "foraarsmoede"),
                    ("Generalforsamling", "generalforsamling"),
                    ("Repræsentantskabsmøde", "repraesentantskabsmoede"),
                    ("Temamøde", "temamoede"),
                    ("Medlemsmøde", "medlemsmoede"),
                ]),
                6..=8 => rng.pick(&[
                    ("Sommermøde", "sommermoede"),
                    ("Temamøde", "temamoede"),
                    ("Medlemsmøde", "medlemsmoede"),
                ]),
                _ => rng.pick(&[
                    ("Efterårsmøde", "efteraarsmoede"),
                    ("Efterårsmøde", "efteraarsmoede"),
                    ("Repræsentantskabsmøde", "repraesentantskabsmoede"),
                    ("Temamøde", "temamoede"),
                    ("Medlemsmøde", "medlemsmoede"),
                ]),
            };
            let (title, slug_base) = if name == "Temamøde" {
                (
                    format!("Temamøde om {} {}", lower_first(TOPICS[topic]), y),
                    format!("temamoede-{}-{}", slugify(TOPICS[topic]), y),
                )
            } else {
                (format!("{name} {y}"), format!("{slug}-{y}"))
            };
            let id = meetings.len();
            meetings.push(MeetingInfo {
                date,
                title: title.clone(),
                slug_base: slug_base.clone(),
            });
            push(
                &mut protos,
                Proto {
                    kind: Kind::Meeting,
                    date,
                    title,
                    slug_base,
                    meeting_id: None,
                    own_meeting_id: Some(id),
                    committee: None,
                    topic,
                    authors: vec![chairman(y), other_person(&mut rng, np)],
                    place: Some(rng.below(VENUES.len())),
                    order: 0,
                },
            );
        }
    }

    // Everything else, in table order.
    for &(kind, _) in KIND_WEIGHTS.iter() {
        if kind == Kind::Meeting {
            continue;
        }
        for _ in 0..count_of(kind) {
            let topic = rng.below(TOPICS.len());
            let attachable = matches!(
                kind,
                Kind::Slides | Kind::Minutes | Kind::CommitteeReport | Kind::ChairmanReport
            );
            let meeting_id = if attachable && m_count > 0 && rng.chance(50) {
                Some(rng.below(m_count))
            } else {
                None
            };
            let date = match meeting_id {
                Some(m) => {
                    let md = meetings[m].date;
                    match kind {
                        Kind::Minutes => md.add_days(rng.range(1, 21) as i32),
                        Kind::Slides => md,
                        _ => md.add_days(-(rng.range(0, 14) as i32)),
                    }
                }
                None => {
                    let mut d = Date::random(&mut rng);
                    if kind == Kind::Accounts {
                        d.m = rng.range(2, 4) as u8;
                        d.d = d.d.min(28);
                    }
                    d
                }
            };
            let y = date.y;
            let mt = meeting_id.map(|m| lower_first(&meetings[m].title));
            let committee = match kind {
                Kind::CommitteeReport => Some(rng.below(COMMITTEES.len())),
                Kind::Slides | Kind::Minutes if rng.chance(25) => Some(rng.below(COMMITTEES.len())),
                _ => None,
            };
            let topic_s = TOPICS[topic];
            let (title, slug_base, authors) = match kind {
                Kind::Newsletter => {
                    let month = MONTHS[date.m as usize - 1];
                    let title = if rng.chance(60) {
                        format!("Nyhedsbrev {month} {y}")
                    } else {
                        format!("Nyhedsbrev {month} {y}: {}", lower_first(topic_s))
                    };
                    let mut a = vec![if rng.chance(70) {
                        chairman(y)
                    } else {
                        other_person(&mut rng, np)
                    }];
                    if rng.chance(30) {
                        a.push(other_person(&mut rng, np));
                    }
                    (title, format!("nyhedsbrev-{y}-{:02}", date.m), a)
                }
                Kind::Slides => {
                    let head = match (committee, rng.below(4)) {
                        (Some(c), _) => format!("Nyt fra {}", COMMITTEES[c]),
                        (None, 0) => "Nyt fra bestyrelsen".to_string(),
                        (None, 1) => format!("{topic_s} – status og perspektiver"),
                        (None, 2) => format!("Oplæg om {}", lower_first(topic_s)),
                        _ => topic_s.to_string(),
                    };
                    let speaker = match committee {
                        Some(c) => committee_chair(c, y),
                        None if rng.chance(40) => chairman(y),
                        None => other_person(&mut rng, np),
                    };
                    let title = match &mt {
                        Some(m) => format!("{head} – {m}"),
                        None => head.clone(),
                    };
                    (
                        title,
                        format!("slides-{}-{y}", slugify(&head)),
                        vec![speaker],
                    )
                }
                Kind::Minutes => {
                    let title = match (&mt, committee) {
                        (Some(m), _) => format!("Referat af {m}"),
                        (None, Some(c)) => {
                            let mut t = format!("Referat af møde i {} ", COMMITTEES[c]);
                            date.push_long(&mut t);
                            t
                        }
                        (None, None) => {
                            let mut t = String::from("Referat af bestyrelsesmøde ");
                            date.push_long(&mut t);
                            t
                        }
                    };
                    let slug = match (meeting_id, committee) {
                        (Some(m), _) => format!("referat-{}", meetings[m].slug_base),
                        (None, Some(c)) => format!(
                            "referat-{}-{y}-{:02}-{:02}",
                            slugify(COMMITTEES[c]),
                            date.m,
                            date.d
                        ),
                        (None, None) => {
                            format!("referat-bestyrelsesmoede-{y}-{:02}-{:02}", date.m, date.d)
                        }
                    };
                    (title, slug, vec![other_person(&mut rng, np)])
                }
                Kind::CommitteeReport => {
                    let c = committee.unwrap();
                    let title = format!("Beretning fra {} {y}", COMMITTEES[c]);
                    let slug = format!("beretning-{}-{y}", slugify(COMMITTEES[c]));
                    (
                        title,
                        slug,
                        vec![committee_chair(c, y), other_person(&mut rng, np)],
                    )
                }
                Kind::ChairmanReport => {
                    let title = match &mt {
                        Some(m) if rng.chance(50) => format!("Formandens beretning – {m}"),
                        _ => format!("Formandens beretning {y}"),
                    };
                    (
                        title,
                        format!("formandens-beretning-{y}"),
                        vec![chairman(y)],
                    )
                }
                Kind::Accounts => {
                    let (title, slug) = match rng.below(5) {
                        0 => (format!("Budget {}", y + 1), format!("budget-{}", y + 1)),
                        1 => (
                            format!("Regnskab for lægevagten {}", y - 1),
                            format!("regnskab-laegevagten-{}", y - 1),
                        ),
                        _ => (
                            format!("Årsregnskab {}", y - 1),
                            format!("aarsregnskab-{}", y - 1),
                        ),
                    };
                    (title, slug, vec![treasurer(y), chairman(y)])
                }
                _ => {
                    let title = match rng.below(10) {
                        0 => "Om foreningen".to_string(),
                        1 => "Vedtægter".to_string(),
                        2 => format!("Bestyrelsen {y}"),
                        3 => "Kontakt sekretariatet".to_string(),
                        4 => "Udvalg og repræsentanter".to_string(),
                        5 => format!("Gode råd om {}", lower_first(topic_s)),
                        _ => format!("Tema: {}", lower_first(topic_s)),
                    };
                    let slug = slugify(&title);
                    (title, slug, vec![other_person(&mut rng, np)])
                }
            };
            push(
                &mut protos,
                Proto {
                    kind,
                    date,
                    title,
                    slug_base,
                    meeting_id,
                    own_meeting_id: None,
                    committee,
                    topic,
                    authors,
                    place: None,
                    order: 0,
                },
            );
        }
    }

    // Chronological order (stable, with generation order as tie-breaker);
    // earlier documents get the plain slug, later duplicates a number.
    protos.sort_by(|a, b| a.date.cmp(&b.date).then(a.order.cmp(&b.order)));
    let mut meeting_doc = vec![usize::MAX; m_count];
    for (i, p) in protos.iter().enumerate() {
        if let Some(m) = p.own_meeting_id {
            meeting_doc[m] = i;
        }
    }
    let mut used = BTreeSet::new();
    let mut docs: Vec<Doc> = Vec::with_capacity(n);
    for p in protos {
        // Minutes of a meeting are named after the meeting's final slug
        // (the meeting always sorts first, being dated earlier).
        let base = match (p.kind, p.meeting_id) {
            (Kind::Minutes, Some(m)) => format!("referat-{}", docs[meeting_doc[m]].slug),
            _ => p.slug_base,
        };
        let mut slug = base.clone();
        let mut k = 2;
        while used.contains(&slug) {
            slug = format!("{base}-{k}");
            k += 1;
        }
        used.insert(slug.clone());
        docs.push(Doc {
            kind: p.kind,
            date: p.date,
            slug,
            title: p.title,
            meeting: p.meeting_id.map(|m| meeting_doc[m]),
            committee: p.committee,
            topic: p.topic,
            authors: p.authors,
            place: p.place,
            pdf: None,
            seed: 0,
            children: Vec::new(),
        });
    }
    for i in 0..docs.len() {
        if let Some(m) = docs[i].meeting {
            docs[m].children.push(i);
        }
    }

    // About one attached PDF per 200 documents, at least one.
    if n > 0 {
        let p = (n / 200).max(1);
        let mut idx: Vec<usize> = (0..n).collect();
        for j in 0..p {
            let k = j + rng.below(n - j);
            idx.swap(j, k);
            let d = &mut docs[idx[j]];
            d.pdf = Some(format!("{}-bilag.pdf", d.slug));
        }
    }
    for d in docs.iter_mut() {
        d.seed = rng.next_u64();
    }
    Archive { people, docs, urls }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

/// Renders one document into `out`, using the document's own seed so that
/// documents can be rendered in any order or in parallel.
struct Render<'a> {
    ar: &'a Archive,
    idx: usize,
    rng: Rng,
    out: String,
    buf: String,
    int_pct: usize,
    ext_pct: usize,
}

impl<'a> Render<'a> {
    fn new(ar: &'a Archive) -> Self {
        Render {
            ar,
            idx: 0,
            rng: Rng::new(0),
            out: String::with_capacity(64 * 1024),
            buf: String::with_capacity(512),
            int_pct: 0,
            ext_pct: 0,
        }
    }

    fn doc(&self) -> &'a Doc {
        &self.ar.docs[self.idx]
    }

    fn render(&mut self, idx: usize) {
        self.idx = idx;
        let d = self.doc();
        self.rng = Rng::new(d.seed);
        self.out.clear();
        self.front_matter();
        match d.kind {
            Kind::Newsletter => {
                self.int_pct = 25;
                self.ext_pct = 20;
                let t = self.rng.range(2800, 7600);
                self.newsletter(t);
            }
            Kind::ChairmanReport | Kind::CommitteeReport => {
                self.int_pct = 18;
                self.ext_pct = 15;
                let t = self.rng.range(19_000, 30_000);
                self.report(t);
            }
            Kind::Slides => {
                self.int_pct = 5;
                self.ext_pct = 5;
                self.slides();
            }
            Kind::Minutes => {
                self.int_pct = 10;
                self.ext_pct = 6;
                self.minutes();
            }
            Kind::Accounts => {
                self.int_pct = 10;
                self.ext_pct = 5;
                self.accounts();
            }
            Kind::Meeting => {
                self.int_pct = 10;
                self.ext_pct = 10;
                self.meeting();
            }
            Kind::Page => {
                self.int_pct = 20;
                self.ext_pct = 25;
                self.page();
            }
        }
    }

    // ----- front matter -----------------------------------------------------

    fn front_matter(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let o = &mut self.out;
        o.push_str("---\ntitle: ");
        push_quoted(o, &d.title);
        o.push_str("\ndate: ");
        d.date.push_iso(o);
        o.push_str("\nkind: ");
        o.push_str(d.kind.as_str());
        o.push('\n');
        if let Some(m) = d.meeting {
            o.push_str("meeting: ");
            o.push_str(&ar.docs[m].slug);
            o.push('\n');
        }
        if let Some(c) = d.committee {
            o.push_str("committee: ");
            o.push_str(COMMITTEES[c]);
            o.push('\n');
        }
        o.push_str("authors: [");
        for (i, &a) in d.authors.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            o.push_str(&ar.people[a]);
        }
        o.push_str("]\ntags: [");
        let k = self.rng.range(1, 4);
        let mut chosen = [usize::MAX; 4];
        let mut c = 0;
        while c < k {
            let t = self.rng.below(TAGS.len());
            if !chosen[..c].contains(&t) {
                chosen[c] = t;
                c += 1;
            }
        }
        for (i, &t) in chosen[..k].iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str(TAGS[t]);
        }
        self.out.push_str("]\nsummary: ");
        self.gen_sentence();
        let mut s = String::with_capacity(self.buf.len() + 2);
        push_capitalized(&mut s, &self.buf);
        push_quoted(&mut self.out, &s);
        self.out.push('\n');
        if let Some(pdf) = &d.pdf {
            self.out.push_str("attachments: [");
            self.out.push_str(pdf);
            self.out.push_str("]\n");
        }
        if d.kind == Kind::Meeting {
            self.programme();
        }
        self.out.push_str("---\n\n");
    }

    fn programme(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let chair = &ar.people[chairman(d.date.y)];
        self.out.push_str("place: ");
        push_quoted(&mut self.out, VENUES[d.place.unwrap_or(0)]);
        self.out.push_str("\nprogramme:\n");
        let talks: Vec<usize> = d
            .children
            .iter()
            .copied()
            .filter(|&c| ar.docs[c].kind != Kind::Minutes)
            .collect();
        let items = talks.len() + 3;
        let mut t: usize = if items > 5 { 9 * 60 } else { 18 * 60 };
        let item = |o: &mut String, t: usize, title: &str, speaker: &str, doc: Option<&str>| {
            let t = t.min(23 * 60 + 55);
            let _ = write!(o, "  - {{time: \"{:02}:{:02}\", title: ", t / 60, t % 60);
            push_quoted(o, title);
            o.push_str(", speaker: ");
            push_quoted(o, speaker);
            if let Some(doc) = doc {
                o.push_str(", document: ");
                o.push_str(doc);
            }
            o.push_str("}\n");
        };
        item(&mut self.out, t, "Velkomst", chair, None);
        t += 5 * self.rng.range(1, 3);
        if talks.is_empty() {
            let title = format!("Nyt fra bestyrelsen v. {chair}");
            item(&mut self.out, t, &title, chair, None);
            t += 5 * self.rng.range(4, 9);
            let title = format!("Oplæg om {}", lower_first(TOPICS[d.topic]));
            let sp = &ar.people[self.rng.range(10, ar.people.len() - 1)];
            item(&mut self.out, t, &title, sp, None);
            t += 5 * self.rng.range(4, 9);
        }
        for (i, &c) in talks.iter().enumerate() {
            if i == talks.len() / 2 && talks.len() > 1 {
                item(&mut self.out, t, "Kaffepause", "", None);
                t += 20;
            }
            let cd = &ar.docs[c];
            item(
                &mut self.out,
                t,
                &cd.title,
                &ar.people[cd.authors[0]],
                Some(&cd.slug),
            );
            t += 5 * self.rng.range(3, 8);
        }
        item(&mut self.out, t, "Eventuelt og afslutning", chair, None);
    }

    // ----- small text pieces (into self.buf) -------------------------------

    fn w(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    fn pick_noun(&mut self) -> (&'static str, Noun) {
        if self.rng.chance(28) {
            loop {
                let n = self.rng.pick(NOUNS);
                if n.tail {
                    return (self.rng.pick(PREFIXES), n);
                }
            }
        }
        ("", self.rng.pick_skewed(NOUNS))
    }

    fn np(&mut self) {
        let r = self.rng.below(100);
        if r < 7 {
            let s = self.rng.pick(FIXED_NP);
            self.w(s);
            return;
        }
        let (pre, n) = self.pick_noun();
        let adj = self.rng.pick_skewed(ADJS);
        match r {
            7..=29 => {
                self.w(pre);
                self.w(n.d);
            }
            30..=40 => {
                self.w(pre);
                self.w(n.p);
            }
            41..=52 => {
                self.w(adj.2);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            53..=60 => {
                self.w(if n.neuter { "et " } else { "en " });
                self.w(if n.neuter { adj.1 } else { adj.0 });
                self.w(" ");
                self.w(pre);
                self.w(n.i);
            }
            61..=70 => {
                self.w(if n.neuter { "det " } else { "den " });
                self.w(adj.2);
                self.w(" ");
                self.w(pre);
                self.w(n.i);
            }
            71..=76 => {
                self.w("de ");
                self.w(adj.2);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            77..=84 => {
                self.w(pre);
                self.w(n.pd);
            }
            85..=90 => {
                let q = self.rng.pick(QUANTIFIERS);
                self.w(q);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            91..=95 => {
                let q = self.rng.pick(POSSESSIVES);
                self.w(q);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            _ => {
                self.w(pre);
                self.w(n.d);
                self.w(" om ");
                let (pre2, n2) = self.pick_noun();
                self.w(pre2);
                self.w(n2.d);
            }
        }
    }

    fn subject(&mut self) {
        if self.rng.chance(50) {
            let s = self.rng.pick_skewed(SUBJECTS);
            self.w(s);
        } else {
            self.np();
        }
    }

    fn number(&mut self) {
        let v = match self.rng.below(4) {
            0 => self.rng.range(2, 12),
            1 => self.rng.range(10, 99),
            2 => self.rng.range(100, 999),
            _ => self.rng.range(1000, 25_000),
        };
        push_amount(&mut self.buf, v as i64);
    }

    fn year_near(&mut self) -> u16 {
        let y = self.doc().date.y as i32 + self.rng.range(0, 4) as i32 - 3;
        y.clamp(1995, 2026) as u16
    }

    fn pp(&mut self) {
        match self.rng.below(12) {
            0..=2 => {
                let p = self.rng.pick(PLACES_PP);
                self.w(p);
            }
            3 => {
                let m = self.rng.pick(&MONTHS);
                let y = self.year_near();
                let _ = write!(self.buf, "i {m} {y}");
            }
            4 => {
                let y = self.year_near();
                let _ = write!(self.buf, "inden udgangen af {y}");
            }
            5 => {
                let m = self.rng.pick(&MONTHS);
                let y = self.year_near() + 1;
                let _ = write!(self.buf, "med virkning fra 1. {m} {y}");
            }
            6 => {
                self.w("med et honorar på kr. ");
                self.number();
                let c = self.rng.below(100);
                let _ = write!(self.buf, ",{c:02}");
            }
            _ => {
                let p = self.rng.pick_skewed(PREPS);
                self.w(p);
                self.w(" ");
                self.np();
            }
        }
    }

    fn quantity(&mut self) {
        let (pre, n) = self.pick_noun();
        match self.rng.below(5) {
            0 => {
                self.number();
                self.w(" procent af ");
                self.w(pre);
                self.w(n.pd);
            }
            1 => {
                self.w("omkring ");
                self.number();
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
            2 => {
                self.number();
                self.w(" nye ydernumre");
            }
            3 => {
                self.number();
                self.w(" af regionens klinikker");
            }
            _ => {
                self.w("flere end ");
                self.number();
                self.w(" ");
                self.w(pre);
                self.w(n.p);
            }
        }
    }

    /// Main clause, normal order: subject, finite verb, adverb, rest, object.
    fn clause(&mut self, adv_pct: usize) {
        self.subject();
        let (fin, rest) = self.rng.pick(VERBS);
        self.w(" ");
        self.w(fin);
        if self.rng.chance(adv_pct) {
            let a = self.rng.pick(ADVERBS);
            self.w(" ");
            self.w(a);
        }
        if !rest.is_empty() {
            self.w(" ");
            self.w(rest);
        }
        self.w(" ");
        self.np();
    }

    /// Subordinate clause: the adverb goes before the finite verb.
    fn sub_clause(&mut self) {
        self.subject();
        if self.rng.chance(35) {
            let a = self.rng.pick(ADVERBS);
            self.w(" ");
            self.w(a);
        }
        let (fin, rest) = self.rng.pick(VERBS);
        self.w(" ");
        self.w(fin);
        if !rest.is_empty() {
            self.w(" ");
            self.w(rest);
        }
        self.w(" ");
        self.np();
    }

    fn opt_pp(&mut self, pct: usize) {
        if self.rng.chance(pct) {
            self.w(" ");
            self.pp();
        }
    }

    /// One Danish sentence into `self.buf`, without capitalisation.
    fn gen_sentence(&mut self) {
        self.buf.clear();
        match self.rng.below(20) {
            0..=3 => {
                self.clause(30);
                self.opt_pp(50);
            }
            4..=5 => {
                self.clause(25);
                let c = self
                    .rng
                    .pick(&[", og ", ", men ", ", fordi ", ", hvor ", ", mens "]);
                self.w(c);
                self.sub_clause();
            }
            6..=8 => {
                if self.rng.chance(30) {
                    let y = self.year_near();
                    let _ = write!(self.buf, "i {y}");
                } else {
                    let s = self.rng.pick(INTROS);
                    self.w(s);
                }
                let (fin, rest) = self.rng.pick(VERBS);
                self.w(" ");
                self.w(fin);
                self.w(" ");
                self.subject();
                if self.rng.chance(30) {
                    let a = self.rng.pick(ADVERBS);
                    self.w(" ");
                    self.w(a);
                }
                if !rest.is_empty() {
                    self.w(" ");
                    self.w(rest);
                }
                self.w(" ");
                self.np();
                self.opt_pp(30);
            }
            9 => {
                let p = self.rng.pick(PREDICATES);
                self.w("det er ");
                self.w(p);
                self.w(", at ");
                self.sub_clause();
                self.opt_pp(40);
            }
            10..=11 => {
                self.subject();
                let m = self.rng.pick(MODALS);
                self.w(" ");
                self.w(m);
                if self.rng.chance(30) {
                    let a = self.rng.pick(ADVERBS);
                    self.w(" ");
                    self.w(a);
                }
                let i = self.rng.pick(INFINITIVES);
                self.w(" ");
                self.w(i);
                self.w(" ");
                self.np();
                self.opt_pp(50);
            }
            12 => {
                self.clause(10);
                self.w(", men ");
                self.subject();
                let m = self.rng.pick(MODALS);
                let i = self.rng.pick(INFINITIVES);
                self.w(" ");
                self.w(m);
                self.w(" ikke ");
                self.w(i);
                self.w(" ");
                self.np();
            }
            13 => {
                let f = self
                    .rng
                    .pick(&["fortsat ", "stadig ", "", "nu ", "desværre "]);
                let what = self.rng.pick(&[
                    "behov for",
                    "store udfordringer med",
                    "fokus på",
                    "enighed om",
                    "usikkerhed om",
                    "brug for",
                    "lange ventetider på",
                ]);
                self.w("der er ");
                self.w(f);
                self.w(what);
                self.w(" ");
                self.np();
                self.opt_pp(50);
            }
            14 => {
                self.quantity();
                let v = self.rng.pick(&[
                    "er nu omfattet af",
                    "indgår i",
                    "er berørt af",
                    "venter fortsat på",
                    "har tilsluttet sig",
                ]);
                self.w(" ");
                self.w(v);
                self.w(" ");
                self.np();
            }
            15 => {
                self.clause(25);
                self.w(" og ");
                self.np();
                self.opt_pp(40);
            }
            16 => {
                let v = self.rng.pick(&[
                    "vi opfordrer alle medlemmer til at",
                    "vi vil gerne takke alle, der har været med til at",
                    "vi håber, at mange vil være med til at",
                    "vi arbejder videre for at",
                    "målet er at",
                ]);
                let i = self.rng.pick(INFINITIVES);
                self.w(v);
                self.w(" ");
                self.w(i);
                self.w(" ");
                self.np();
            }
            17..=18 => {
                self.clause(20);
                self.opt_pp(60);
                self.w(", og ");
                self.clause(40);
                self.opt_pp(40);
            }
            _ => {
                self.clause(30);
                self.w(" ");
                self.pp();
                self.w(" ");
                self.pp();
            }
        }
        self.buf.push('.');
    }

    /// A short phrase for a bullet point, into `self.buf`.
    fn gen_bullet(&mut self) {
        self.buf.clear();
        match self.rng.below(8) {
            0 | 1 => {
                self.np();
                self.w(" – ");
                self.np();
            }
            2 | 3 => self.clause(20),
            4 => {
                let (pre, n) = self.pick_noun();
                let a = self.rng.pick_skewed(ADJS);
                self.w(a.2);
                self.w(" ");
                self.w(pre);
                self.w(n.p);
                self.w(" ");
                self.pp();
            }
            5 => {
                self.w("møde med ");
                self.np();
                let (d, m, y) = (
                    self.rng.range(1, 28),
                    self.rng.range(1, 12),
                    self.year_near() % 100,
                );
                let _ = write!(self.buf, " {d}/{m}-{y:02}");
            }
            6 => self.quantity(),
            _ => {
                let s = self
                    .rng
                    .pick(&["status på ", "fokus på ", "opfølgning på ", "nyt om "]);
                self.w(s);
                self.np();
            }
        }
    }

    // ----- blocks (into self.out) ------------------------------------------

    fn paragraph(&mut self, min: usize, max: usize) {
        let k = self.rng.range(min, max);
        for i in 0..k {
            if i > 0 {
                self.out.push(' ');
            }
            self.gen_sentence();
            push_capitalized(&mut self.out, &self.buf);
        }
        if self.rng.chance(self.int_pct) {
            self.out.push(' ');
            self.internal_link_sentence();
        }
        if self.rng.chance(self.ext_pct) {
            self.out.push(' ');
            self.external_link_sentence();
        }
        self.out.push_str("\n\n");
    }

    fn bullets(&mut self, min: usize, max: usize, sub_pct: usize) {
        let k = self.rng.range(min, max);
        for _ in 0..k {
            self.out.push_str("- ");
            self.gen_bullet();
            push_capitalized(&mut self.out, &self.buf);
            self.out.push('\n');
            if self.rng.chance(sub_pct) {
                for _ in 0..self.rng.range(1, 3) {
                    self.out.push_str("  - ");
                    self.gen_bullet();
                    push_capitalized(&mut self.out, &self.buf);
                    self.out.push('\n');
                }
            }
        }
        self.out.push('\n');
    }

    fn heading(&mut self, level: &str) {
        self.out.push_str(level);
        self.out.push(' ');
        let d = self.doc();
        match self.rng.below(6) {
            0 => self.out.push_str(self.rng.pick(TOPICS)),
            1 => {
                self.out.push_str("Nyt fra ");
                self.out.push_str(self.rng.pick(COMMITTEES));
            }
            2 => {
                self.buf.clear();
                self.w("status på ");
                self.np();
                push_capitalized(&mut self.out, &self.buf);
            }
            3 if d.kind != Kind::Slides => self.out.push_str(TOPICS[d.topic]),
            _ => {
                self.buf.clear();
                self.np();
                push_capitalized(&mut self.out, &self.buf);
            }
        }
        self.out.push_str("\n\n");
    }

    fn quote(&mut self) {
        self.out.push_str("> ");
        self.gen_sentence();
        push_capitalized(&mut self.out, &self.buf);
        self.out.push(' ');
        self.gen_sentence();
        push_capitalized(&mut self.out, &self.buf);
        self.out.push_str("\n\n");
    }

    /// A varied prose block: mostly paragraphs, some lists and quotes.
    fn block(&mut self) {
        match self.rng.below(20) {
            0..=13 => self.paragraph(3, 7),
            14..=17 => {
                self.paragraph(1, 2);
                self.bullets(3, 6, 25);
            }
            18 => self.quote(),
            _ => {
                self.out.push_str("1. ");
                let k = self.rng.range(3, 5);
                for i in 0..k {
                    if i > 0 {
                        let _ = write!(self.out, "{}. ", i + 1);
                    }
                    self.gen_sentence();
                    push_capitalized(&mut self.out, &self.buf);
                    self.out.push('\n');
                }
                self.out.push('\n');
            }
        }
    }

    // ----- links ------------------------------------------------------------

    fn link_target(&mut self) -> Option<usize> {
        let n = self.ar.docs.len();
        if n < 2 {
            return None;
        }
        let i = self.idx;
        let t = if i > 0 && self.rng.chance(75) {
            let a = self.rng.below(i);
            let b = self.rng.below(i);
            i - 1 - a.min(b)
        } else {
            let t = self.rng.below(n);
            if t == i {
                (t + 1) % n
            } else {
                t
            }
        };
        Some(t)
    }

    fn push_link_to(&mut self, t: usize) {
        let ar = self.ar;
        let td = &ar.docs[t];
        let own = self.doc().date.y;
        self.out.push('[');
        if self.rng.chance(50) {
            self.out.push_str(&td.title);
        } else {
            match td.kind {
                Kind::Newsletter => {
                    let _ = write!(
                        self.out,
                        "nyhedsbrevet fra {} {}",
                        MONTHS[td.date.m as usize - 1],
                        td.date.y
                    );
                }
                Kind::Slides => self.out.push_str(self.rng.pick(&[
                    "præsentationen",
                    "slides fra oplægget",
                    "dias",
                ])),
                Kind::Minutes => self
                    .out
                    .push_str(self.rng.pick(&["referatet", "referatet fra mødet"])),
                Kind::ChairmanReport => {
                    let _ = write!(self.out, "formandens beretning fra {}", td.date.y);
                }
                Kind::CommitteeReport => self.out.push_str("udvalgets beretning"),
                Kind::Accounts => self.out.push_str("regnskabet"),
                Kind::Meeting => self.out.push_str(&lower_first(&td.title)),
                Kind::Page => self.out.push_str(&td.title),
            }
        }
        self.out.push_str("](");
        if td.date.y != own {
            let _ = write!(self.out, "../{}/", td.date.y);
        }
        self.out.push_str(&td.slug);
        self.out.push_str(".md)");
    }

    fn internal_link_sentence(&mut self) {
        let Some(t) = self.link_target() else { return };
        let pre = self.rng.pick(&[
            "Læs mere i ",
            "Se også ",
            "Baggrunden er beskrevet i ",
            "Vi henviser i øvrigt til ",
            "Sagen blev også omtalt i ",
            "Se tidligere ",
        ]);
        self.out.push_str(pre);
        self.push_link_to(t);
        self.out.push('.');
    }

    fn external_link_sentence(&mut self) {
        let ar = self.ar;
        // Skewed towards the start of the pool: some URLs are cited often.
        let k = self
            .rng
            .below(ar.urls.len())
            .min(self.rng.below(ar.urls.len()));
        let (url, label) = &ar.urls[k];
        let (pre, post) = self.rng.pick(&[
            ("Læs ", "."),
            ("Se ", " for detaljer."),
            ("Du kan finde ", " på nettet."),
            ("Hele ", " kan læses online."),
            ("Vi har tidligere omtalt ", "."),
            ("Mere om sagen i ", "."),
        ]);
        self.out.push_str(pre);
        self.out.push('[');
        self.out.push_str(label);
        self.out.push_str("](");
        self.out.push_str(url);
        self.out.push(')');
        self.out.push_str(post);
    }

    fn attachment_link(&mut self) {
        let d = self.doc();
        if let Some(pdf) = &d.pdf {
            let _ = write!(self.out, "Bilag: [{} (PDF)]({})\n\n", d.title, pdf);
        }
    }

    // ----- kinds --------------------------------------------------------------

    fn sign_off(&mut self, role: &str) {
        let ar = self.ar;
        let d = self.doc();
        let _ = write!(
            self.out,
            "Med venlig hilsen\n\n{}, {}\n",
            ar.people[d.authors[0]], role
        );
    }

    fn newsletter(&mut self, target: usize) {
        if self.rng.chance(60) {
            self.out.push_str("Kære kollegaer\n\n");
        }
        self.paragraph(3, 6);
        while self.out.len() < target {
            self.heading("##");
            for _ in 0..self.rng.range(1, 3) {
                self.block();
            }
        }
        self.attachment_link();
        let d = self.doc();
        let role = if d.authors[0] == chairman(d.date.y) {
            "formand"
        } else {
            "redaktør"
        };
        self.sign_off(role);
    }

    fn report(&mut self, target: usize) {
        let d = self.doc();
        self.out.push_str("## Indledning\n\n");
        self.paragraph(4, 7);
        self.paragraph(3, 6);
        while self.out.len() + 1500 < target {
            self.heading("##");
            self.paragraph(3, 6);
            if self.rng.chance(60) {
                for _ in 0..self.rng.range(1, 3) {
                    self.heading("###");
                    for _ in 0..self.rng.range(1, 3) {
                        self.block();
                    }
                }
            } else {
                for _ in 0..self.rng.range(1, 3) {
                    self.block();
                }
            }
        }
        self.out.push_str("## Afslutning\n\n");
        self.paragraph(3, 5);
        self.attachment_link();
        let role = match d.committee {
            Some(c) => format!("formand for {}", COMMITTEES[c]),
            None => "formand".to_string(),
        };
        let _ = write!(
            self.out,
            "På bestyrelsens vegne\n\n{}, {}\n",
            self.ar.people[d.authors[0]], role
        );
    }

    fn table_amounts(&mut self, rows: &[&str], cols: usize, total: bool) {
        let y = self.doc().date.y;
        self.out.push_str("| Post |");
        for c in 0..cols {
            let _ = write!(self.out, " {} |", y as usize - 1 - c);
        }
        self.out.push_str("\n|:-----|");
        for _ in 0..cols {
            self.out.push_str("-----:|");
        }
        self.out.push('\n');
        let mut sums = [0i64; 4];
        for r in rows {
            let mut base = self.rng.range(20_000, 9_000_000) as i64;
            if self.rng.chance(8) {
                base = -base / 7;
            }
            let _ = write!(self.out, "| {r} |");
            for s in sums.iter_mut().take(cols) {
                let v = base + (self.rng.below(200_001) as i64 - 100_000) * base / 1_000_000;
                *s += v;
                self.out.push(' ');
                push_amount(&mut self.out, v);
                self.out.push_str(" |");
            }
            self.out.push('\n');
        }
        if total {
            self.out.push_str("| **I alt** |");
            for s in sums.iter().take(cols) {
                self.out.push_str(" **");
                push_amount(&mut self.out, *s);
                self.out.push_str("** |");
            }
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn accounts(&mut self) {
        let y = self.doc().date.y;
        self.paragraph(2, 4);
        self.out.push_str("## Resultatopgørelse\n\n");
        let income = [
            "Kontingenter",
            "Administrationsbidrag",
            "Renteindtægter",
            "Kursusindtægter",
            "Tilskud fra PLO",
            "Lægevagtens bidrag",
            "Øvrige indtægter",
        ];
        let costs = [
            "Bestyrelseshonorarer",
            "Mødeudgifter",
            "Sekretariat og lønninger",
            "Husleje",
            "IT og kommunikation",
            "Revision og regnskab",
            "Repræsentation",
            "Kurser og internater",
            "Rejseudgifter",
            "Afskrivninger",
            "Forsikringer",
        ];
        let k = self.rng.range(4, income.len());
        self.out.push_str("### Indtægter\n\n");
        self.table_amounts(&income[..k], 2, true);
        let k = self.rng.range(6, costs.len());
        self.out.push_str("### Udgifter\n\n");
        self.table_amounts(&costs[..k], 2, true);
        self.paragraph(2, 4);
        let _ = writeln!(self.out, "## Balance pr. 31. december {}\n", y - 1);
        let bal = [
            "Likvide beholdninger",
            "Værdipapirer",
            "Tilgodehavender",
            "Periodeafgrænsning",
            "Egenkapital primo",
            "Årets resultat",
            "Skyldige omkostninger",
            "Hensættelser",
        ];
        let k = self.rng.range(5, bal.len());
        self.table_amounts(&bal[..k], 2, false);
        self.out.push_str("## Noter\n\n");
        for i in 1..=self.rng.range(2, 4) {
            let _ = write!(self.out, "**Note {i}.** ");
            self.paragraph(1, 3);
        }
        self.out.push_str("## Ledelsespåtegning\n\n");
        self.paragraph(2, 3);
        self.attachment_link();
        let ar = self.ar;
        let _ = write!(
            self.out,
            "{}, kasserer  \n{}, formand\n",
            ar.people[treasurer(y)],
            ar.people[chairman(y)]
        );
    }

    fn slides(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let count = self.rng.range(8, 15);
        // Title slide.
        let _ = write!(
            self.out,
            "## {}\n\n- {}\n- ",
            d.title, ar.people[d.authors[0]]
        );
        d.date.push_long(&mut self.out);
        self.out.push('\n');
        if let Some(m) = d.meeting {
            let _ = writeln!(
                self.out,
                "- {}, {}",
                ar.docs[m].title,
                VENUES[ar.docs[m].place.unwrap_or(0)]
            );
        }
        self.out.push('\n');
        for i in 1..count {
            self.out.push_str("---\n\n");
            if i == count - 1 {
                self.out
                    .push_str("## Tak for ordet\n\n- Spørgsmål og debat\n");
                if self.rng.chance(50) {
                    self.out.push_str("- Kontakt sekretariatet ved spørgsmål\n");
                }
                if self.rng.chance(20) {
                    self.out.push_str("- ");
                    self.internal_link_sentence();
                    self.out.push('\n');
                }
                self.out.push('\n');
                break;
            }
            self.heading("##");
            self.bullets(3, 6, 35);
            if self.rng.chance(15) {
                let rows = [
                    "Konsultationer",
                    "E-konsultationer",
                    "Telefonkonsultationer",
                    "Sygebesøg",
                    "Årskontroller",
                    "Vaccinationer",
                    "Attester",
                ];
                let k = self.rng.range(3, rows.len());
                let cols = self.rng.range(2, 3);
                self.table_amounts(&rows[..k], cols, false);
            }
            if self.rng.chance(10) {
                self.external_link_sentence();
                self.out.push_str("\n\n");
            }
            if self.rng.chance(75) {
                self.out.push_str("Note:\n");
                self.paragraph(1, 4);
            }
        }
        self.attachment_link();
    }

    fn minutes(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let mut present: Vec<usize> = vec![chairman(d.date.y), treasurer(d.date.y)];
        for _ in 0..self.rng.range(3, 7) {
            let p = self.rng.range(10, ar.people.len() - 1);
            if !present.contains(&p) {
                present.push(p);
            }
        }
        self.out.push_str("**Til stede:** ");
        for (i, &p) in present.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str(&ar.people[p]);
        }
        let absent = self.rng.range(10, ar.people.len() - 1);
        let _ = write!(
            self.out,
            "  \n**Afbud:** {}  \n**Referent:** {}\n\n",
            ar.people[absent], ar.people[d.authors[0]]
        );
        let mut items: Vec<String> = vec![
            "Godkendelse af dagsorden".into(),
            "Godkendelse af referat fra sidste møde".into(),
            "Meddelelser fra formanden".into(),
        ];
        for _ in 0..self.rng.range(2, 5) {
            match self.rng.below(3) {
                0 => items.push(format!("Nyt fra {}", self.rng.pick(COMMITTEES))),
                1 => items.push(self.rng.pick(TOPICS).to_string()),
                _ => items.push("Økonomi".into()),
            }
        }
        items.push("Næste møde".into());
        items.push("Eventuelt".into());
        self.out.push_str("## Dagsorden\n\n");
        for (i, it) in items.iter().enumerate() {
            let _ = writeln!(self.out, "{}. {}", i + 1, it);
        }
        self.out.push('\n');
        for (i, it) in items.iter().enumerate() {
            let _ = write!(self.out, "## {}. {}\n\n", i + 1, it);
            match i {
                0 => self
                    .out
                    .push_str("Dagsordenen blev godkendt uden bemærkninger.\n\n"),
                1 => {
                    self.out.push_str("Referatet blev godkendt. ");
                    self.internal_link_sentence();
                    self.out.push_str("\n\n");
                }
                _ if it == "Næste møde" => {
                    let nd = d.date.add_days(self.rng.range(20, 60) as i32);
                    self.out.push_str("Næste møde afholdes ");
                    nd.push_long(&mut self.out);
                    self.out.push_str(".\n\n");
                }
                _ if it == "Eventuelt" => {
                    if self.rng.chance(50) {
                        self.out.push_str("Intet.\n\n");
                    } else {
                        self.paragraph(1, 2);
                    }
                }
                _ => {
                    self.paragraph(3, 6);
                    if self.rng.chance(40) {
                        self.bullets(2, 4, 10);
                    }
                    self.out.push_str("**Beslutning:** ");
                    self.gen_sentence();
                    push_capitalized(&mut self.out, &self.buf);
                    self.out.push_str("\n\n");
                }
            }
        }
        self.attachment_link();
    }

    fn meeting(&mut self) {
        let ar = self.ar;
        let d = self.doc();
        let _ = write!(
            self.out,
            "Foreningen inviterer til {} den ",
            lower_first(&d.title)
        );
        d.date.push_long(&mut self.out);
        let _ = write!(self.out, " på {}. ", VENUES[d.place.unwrap_or(0)]);
        self.paragraph(2, 4);
        self.out.push_str("## Praktiske oplysninger\n\n");
        self.out.push_str("Tilmelding sker til sekretariatet senest en uge før mødet. Der serveres middag efter mødet. ");
        self.paragraph(1, 3);
        if !d.children.is_empty() {
            self.out.push_str("## Materiale fra mødet\n\n");
            for &c in &d.children {
                let cd = &ar.docs[c];
                self.out.push_str("- [");
                self.out.push_str(&cd.title);
                self.out.push_str("](");
                if cd.date.y != d.date.y {
                    let _ = write!(self.out, "../{}/", cd.date.y);
                }
                self.out.push_str(&cd.slug);
                self.out.push_str(".md)\n");
            }
            self.out.push('\n');
        }
        self.attachment_link();
    }

    fn page(&mut self) {
        let d = self.doc();
        let target = self.rng.range(2000, 6000);
        if d.title == "Vedtægter" {
            let sections = [
                "Navn og hjemsted",
                "Formål",
                "Medlemmer",
                "Kontingent",
                "Generalforsamling",
                "Bestyrelsen",
                "Udvalg",
                "Regnskab og revision",
                "Vedtægtsændringer",
                "Opløsning",
            ];
            for (i, s) in sections.iter().enumerate() {
                let _ = write!(self.out, "## § {}. {}\n\n", i + 1, s);
                self.paragraph(1, 3);
                if self.out.len() > target * 2 {
                    break;
                }
            }
        } else {
            self.paragraph(2, 4);
            while self.out.len() < target {
                self.heading("##");
                self.block();
            }
        }
        self.attachment_link();
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// YAML double-quoted scalar.
fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn push_capitalized(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase());
        }
        out.push_str(chars.as_str());
    }
}

/// Lower-cases the first letter unless the word is an acronym ("KOL").
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), s.chars().nth(1)) {
        (Some(c), Some(n)) if !n.is_uppercase() => {
            let mut out: String = c.to_lowercase().collect();
            out.push_str(chars.as_str());
            out
        }
        _ => s.to_string(),
    }
}

/// Danish thousands separators: 1.234.567.
fn push_amount(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let digits = v.unsigned_abs().to_string();
    let b = digits.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if i > 0 && (b.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c as char);
    }
}

/// ASCII slug: lower case letters, digits and single dashes.
fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut dash = false;
    for c in s.chars().flat_map(|c| c.to_lowercase()) {
        let rep = match c {
            'æ' | 'ä' => "ae",
            'ø' | 'ö' => "oe",
            'å' => "aa",
            'é' | 'è' => "e",
            'ü' => "u",
            _ => "",
        };
        if !rep.is_empty() || c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if rep.is_empty() {
                out.push(c);
            } else {
                out.push_str(rep);
            }
        } else {
            dash = true;
        }
    }
    out
}

/// PDF literal string in WinAnsiEncoding, with non-ASCII as octal escapes.
fn push_pdf_text(out: &mut Vec<u8>, s: &str) {
    out.push(b'(');
    for c in s.chars() {
        let code: u32 = match c {
            '–' => 0x96,
            '—' => 0x97,
            '“' => 0x93,
            '”' => 0x94,
            '’' => 0x92,
            c if (c as u32) < 0x100 => c as u32,
            _ => b'?' as u32,
        };
        match code {
            0x28 | 0x29 | 0x5C => {
                out.push(b'\\');
                out.push(code as u8);
            }
            0x20..=0x7E => out.push(code as u8),
            _ => out.extend_from_slice(format!("\\{code:03o}").as_bytes()),
        }
    }
    out.push(b')');
}

/// A small valid one-page PDF with a correct cross-reference table.
fn pdf_bytes(title: &str, date: Date, author: &str) -> Vec<u8> {
    let mut stream = Vec::with_capacity(400);
    stream.extend_from_slice(b"BT\n/F1 16 Tf\n72 770 Td\n");
    push_pdf_text(&mut stream, title);
    stream.extend_from_slice(b" Tj\n/F1 11 Tf\n0 -24 Td\n");
    let mut line = String::from("Generated Association, ");
    date.push_long(&mut line);
    push_pdf_text(&mut stream, &line);
    stream.extend_from_slice(b" Tj\n0 -16 Td\n");
    push_pdf_text(&mut stream, &format!("Bilag udarbejdet af {author}"));
    stream.extend_from_slice(b" Tj\nET\n");

    let mut title_hex = String::from("<FEFF");
    for u in title.encode_utf16() {
        let _ = write!(title_hex, "{u:04X}");
    }
    title_hex.push('>');

    let mut b: Vec<u8> = Vec::with_capacity(1500);
    b.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets = Vec::with_capacity(6);
    let objects: [Vec<u8>; 6] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
        {
            let mut s = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
            s.extend_from_slice(&stream);
            s.extend_from_slice(b"endstream");
            s
        },
        {
            let mut s = format!("<< /Title {title_hex} /Author ").into_bytes();
            push_pdf_text(&mut s, author);
            s.extend_from_slice(
                format!(
                    " /Producer (arkiv generate) /CreationDate (D:{:04}{:02}{:02}120000Z) >>",
                    date.y, date.m, date.d
                )
                .as_bytes(),
            );
            s
        },
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(b.len());
        b.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        b.extend_from_slice(o);
        b.extend_from_slice(b"\nendobj\n");
    }
    let xref = b.len();
    b.extend_from_slice(b"xref\n0 7\n0000000000 65535 f \n");
    for o in offsets {
        b.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    b.extend_from_slice(
        format!("trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    b
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::PathBuf;
    use std::sync::atomic::AtomicUsize;

    static COUNTER: AtomicUsize = AtomicUsize::new(0);

    /// A fresh, unique, not yet existing directory under the system temp dir.
    struct TempDir(PathBuf);
    impl TempDir {
        fn new(name: &str) -> TempDir {
            let k = COUNTER.fetch_add(1, Ordering::SeqCst);
            let p = std::env::temp_dir().join(format!(
                "arkiv-generate-{}-{}-{}",
                std::process::id(),
                name,
                k
            ));
            let _ = fs::remove_dir_all(&p);
            TempDir(p)
        }
    }
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn files(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.insert(
                        p.strip_prefix(root).unwrap().to_path_buf(),
                        fs::read(&p).unwrap(),
                    );
                }
            }
        }
        out
    }

    fn front_matter(text: &str) -> &str {
        let rest = text.strip_prefix("---\n").expect("front matter start");
        let end = rest.find("\n---\n").expect("front matter end");
        &rest[..end + 1]
    }

    fn field<'t>(fm: &'t str, key: &str) -> Option<&'t str> {
        fm.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix(": ")))
    }

    fn opts(documents: usize, seed: u64) -> GenerateOptions {
        GenerateOptions { documents, seed }
    }

    #[test]
    fn same_seed_gives_identical_output() {
        let a = TempDir::new("same-a");
        let b = TempDir::new("same-b");
        let sa = generate_site(&a.0, &opts(300, 42)).unwrap();
        let sb = generate_site(&b.0, &opts(300, 42)).unwrap();
        assert_eq!(sa, sb);
        let fa = files(&a.0);
        let fb = files(&b.0);
        assert_eq!(fa.len(), fb.len());
        assert!(fa == fb, "outputs differ");
        let c = TempDir::new("same-c");
        generate_site(&c.0, &opts(300, 43)).unwrap();
        assert!(files(&c.0) != fa, "different seeds should differ");
    }

    #[test]
    fn writes_requested_number_of_documents() {
        for n in [0usize, 1, 2, 7, 250] {
            let t = TempDir::new("count");
            let s = generate_site(&t.0, &opts(n, 7)).unwrap();
            let all = files(&t.0);
            let md: Vec<_> = all
                .keys()
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .collect();
            assert_eq!(md.len(), n);
            assert_eq!(s.documents, n);
            let bytes: u64 = all
                .iter()
                .filter(|(p, _)| p.extension().is_some_and(|e| e == "md"))
                .map(|(_, v)| v.len() as u64)
                .sum();
            assert_eq!(s.markdown_bytes, bytes);
            let pdfs = all
                .keys()
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .count();
            assert_eq!(s.pdfs, pdfs);
            if n > 0 {
                assert!(s.pdfs >= 1 && s.meetings >= 1);
            }
            assert!(all.contains_key(Path::new("site.yaml")));
            for p in md {
                let name = p.file_stem().unwrap().to_str().unwrap();
                assert!(name
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'));
            }
        }
    }

    #[test]
    fn refuses_non_empty_dir() {
        let t = TempDir::new("nonempty");
        fs::create_dir_all(&t.0).unwrap();
        fs::write(t.0.join("x"), "x").unwrap();
        assert!(generate_site(&t.0, &opts(3, 1)).is_err());
    }

    #[test]
    fn references_and_links_resolve() {
        let t = TempDir::new("links");
        let s = generate_site(&t.0, &opts(600, 3)).unwrap();
        let all = files(&t.0);
        // slug -> (meeting field, kind)
        let mut docs: BTreeMap<String, (Option<String>, String)> = BTreeMap::new();
        let mut meetings = BTreeSet::new();
        for (p, v) in &all {
            if p.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::str::from_utf8(v).unwrap();
            let fm = front_matter(text);
            let slug = p.file_stem().unwrap().to_str().unwrap().to_string();
            let kind = field(fm, "kind").unwrap().to_string();
            if kind == "meeting" {
                meetings.insert(slug.clone());
            }
            if kind == "committee-report" {
                assert!(field(fm, "committee").is_some());
            }
            let date = field(fm, "date").unwrap();
            assert_eq!(
                p.parent().unwrap().file_name().unwrap().to_str().unwrap(),
                &date[..4]
            );
            assert!(docs
                .insert(slug, (field(fm, "meeting").map(String::from), kind))
                .is_none());
        }
        assert_eq!(meetings.len(), s.meetings);
        let mut internal = 0;
        for (p, v) in &all {
            if p.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::str::from_utf8(v).unwrap();
            let fm = front_matter(text);
            let slug = p.file_stem().unwrap().to_str().unwrap();
            if let Some(m) = field(fm, "meeting") {
                assert!(meetings.contains(m), "{slug}: unknown meeting {m}");
            }
            // Programme documents belong to this meeting.
            for l in fm.lines().filter(|l| l.starts_with("  - {time:")) {
                if let Some(i) = l.find("document: ") {
                    let target = l[i + 10..].trim_end_matches('}');
                    let (m, _) = docs.get(target).expect("programme document exists");
                    assert_eq!(m.as_deref(), Some(slug));
                }
            }
            // Attachments exist.
            if let Some(a) = field(fm, "attachments") {
                let name = a.trim_start_matches('[').trim_end_matches(']');
                let f = p.parent().unwrap().join(name);
                let pdf = all.get(&f).expect("attachment exists");
                assert!(pdf.starts_with(b"%PDF-1.4"));
                check_pdf_xref(pdf);
            }
            // Every relative link resolves.
            let mut rest = text;
            while let Some(i) = rest.find("](") {
                rest = &rest[i + 2..];
                let end = rest.find(')').unwrap();
                let target = &rest[..end];
                if !target.starts_with("https://") {
                    let mut resolved = p.parent().unwrap().to_path_buf();
                    for part in target.split('/') {
                        if part == ".." {
                            resolved.pop();
                        } else {
                            resolved.push(part);
                        }
                    }
                    assert!(
                        all.contains_key(&resolved),
                        "{}: broken link {target}",
                        p.display()
                    );
                    internal += 1;
                }
            }
        }
        assert!(internal > 600, "too few internal links: {internal}");
    }

    /// Checks that startxref points at the table and every entry at its object.
    fn check_pdf_xref(pdf: &[u8]) {
        fn find(h: &[u8], n: &[u8]) -> Option<usize> {
            h.windows(n.len()).rposition(|w| w == n)
        }
        let sx = find(pdf, b"startxref\n").unwrap();
        let tail = std::str::from_utf8(&pdf[sx + 10..]).unwrap();
        let off: usize = tail.lines().next().unwrap().parse().unwrap();
        assert!(pdf[off..].starts_with(b"xref\n0 7\n0000000000 65535 f \n"));
        let table = std::str::from_utf8(&pdf[off..]).unwrap();
        let entries: Vec<&str> = table.lines().skip(3).take(6).collect();
        for (i, e) in entries.iter().enumerate() {
            assert_eq!(e.len(), 19, "xref entries are 20 bytes with the newline");
            let o: usize = e[..10].parse().unwrap();
            assert!(pdf[o..].starts_with(format!("{} 0 obj", i + 1).as_bytes()));
        }
        assert!(find(pdf, b"/Title <FEFF").is_some());
        assert!(pdf.ends_with(b"%%EOF\n"));
    }

    #[test]
    fn kinds_follow_proportions() {
        let t = TempDir::new("kinds");
        generate_site(&t.0, &opts(1000, 11)).unwrap();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (p, v) in files(&t.0) {
            if p.extension().is_some_and(|e| e == "md") {
                let text = String::from_utf8(v).unwrap();
                let kind = field(front_matter(&text), "kind").unwrap().to_string();
                *counts.entry(kind).or_default() += 1;
            }
        }
        assert_eq!(counts["newsletter"], 350);
        assert_eq!(counts["slides"], 250);
        assert_eq!(counts["meeting"], 80);
    }
}
