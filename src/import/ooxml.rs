//! Shared helpers for Office Open XML files (.pptx, .docx, .xlsx): the zip container with
//! size limits, a small element tree parsed with quick-xml, relationship files and the
//! document properties. Everything returns an error in words, never panics.

use crate::core::messages::{each, msg, Text};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// One XML part beyond this is refused (a guard against zip bombs).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// All media of one file together beyond this is not copied.
pub const MAX_MEDIA_BYTES: u64 = 256 * 1024 * 1024;
/// Element nesting deeper than this is refused (a guard against stack exhaustion).
const MAX_DEPTH: usize = 256;

/// An opened Office file.
pub struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
}

/// Why a file could not be opened: the first bytes tell a secretary what to do.
/// The names of a format in messages: the message keys of "a Word file" and of "Word" as in
/// "the old binary Word format".
pub type FormatNames = (&'static str, &'static str);
pub const WORD: FormatNames = ("import.file.word", "import.format.word");
pub const POWERPOINT: FormatNames = ("import.file.powerpoint", "import.format.powerpoint");
pub const IMPRESS: FormatNames = ("import.file.odp", "import.format.odp");
pub const EXCEL: FormatNames = ("import.file.excel", "import.format.excel");
pub const SPREADSHEET: FormatNames = ("import.file.spreadsheet", "import.format.spreadsheet");

pub fn open(bytes: Vec<u8>, names: FormatNames, save_as: &str) -> Result<Package, Text> {
    let about = |key: &'static str, error: &str| {
        each(|m| {
            m.fill(
                key,
                &[
                    ("file", &m.get(names.0)),
                    ("format", &m.get(names.1)),
                    ("save_as", &save_as),
                    ("error", &error),
                ],
            )
        })
    };
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(about("import.office_encrypted", ""));
    }
    if !bytes.starts_with(b"PK") {
        return Err(about("import.not_zip", ""));
    }
    let zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| about("import.zip_damaged", &e.to_string()))?;
    Ok(Package { zip })
}

impl Package {
    /// Whether the archive holds `name`.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The raw bytes of a part, limited in size.
    pub fn bytes(&mut self, name: &str, limit: u64) -> Result<Vec<u8>, Text> {
        let mut file = self
            .zip
            .by_name(name)
            .map_err(|e| msg("import.part_missing", &[("name", &name), ("error", &e)]))?;
        if file.size() > limit {
            let mb = file.size() / 1_000_000;
            return Err(msg("import.part_big", &[("name", &name), ("mb", &mb)]));
        }
        let mut out = Vec::new();
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| msg("import.part_unpack", &[("name", &name), ("error", &e)]))?;
        if out.len() as u64 > limit {
            return Err(msg("import.part_too_big", &[("name", &name)]));
        }
        Ok(out)
    }

    /// A part parsed as XML.
    pub fn xml(&mut self, name: &str) -> Result<Node, Text> {
        let bytes = self.bytes(name, MAX_PART_BYTES)?;
        let text = String::from_utf8_lossy(&bytes);
        parse(&text).map_err(|e| msg("import.part_xml", &[("name", &name), ("error", &e)]))
    }

    /// A part that may be missing (notes, footnotes, numbering): `None` when absent.
    pub fn optional_xml(&mut self, name: &str) -> Result<Option<Node>, Text> {
        if self.has(name) {
            self.xml(name).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The relationships of `part` (e.g. `ppt/slides/slide1.xml`): id → target, resolved
    /// to a path inside the archive unless external.
    pub fn rels(&mut self, part: &str) -> Result<Rels, Text> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let mut rels = Rels::default();
        let Some(root) = self.optional_xml(&rels_name)? else {
            return Ok(rels);
        };
        for rel in root.children_named("Relationship") {
            let (Some(id), Some(target)) = (rel.attr("Id"), rel.attr("Target")) else {
                continue;
            };
            let external = rel.attr("TargetMode") == Some("External");
            let target = if external {
                target.to_string()
            } else {
                resolve(dir, target)
            };
            rels.map.insert(
                id.to_string(),
                Rel {
                    target,
                    external,
                    kind: rel.attr("Type").unwrap_or("").to_string(),
                },
            );
        }
        Ok(rels)
    }

    /// Title, author and creation date from `docProps/core.xml`, when present.
    pub fn core_properties(&mut self) -> CoreProperties {
        let mut props = CoreProperties::default();
        if let Ok(Some(core)) = self.optional_xml("docProps/core.xml") {
            let text = |name: &str| {
                core.child(name)
                    .map(|n| n.text().trim().to_string())
                    .filter(|t| !t.is_empty())
            };
            props.title = text("title").filter(|t| !super::guess::is_placeholder_title(t));
            props.creator = text("creator");
            props.created = text("created").or_else(|| text("modified"));
        }
        props
    }
}

/// Document properties that help guessing.
#[derive(Debug, Default, Clone)]
pub struct CoreProperties {
    pub title: Option<String>,
    pub creator: Option<String>,
    /// As written, e.g. `2025-10-23T08:00:00Z`.
    pub created: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Rel {
    pub target: String,
    pub external: bool,
    pub kind: String,
}

#[derive(Debug, Default)]
pub struct Rels {
    pub map: HashMap<String, Rel>,
}

impl Rels {
    pub fn get(&self, id: &str) -> Option<&Rel> {
        self.map.get(id)
    }

    /// The first relationship whose type ends with `suffix` (e.g. `/notesSlide`).
    pub fn of_kind(&self, suffix: &str) -> Option<&Rel> {
        self.map.values().find(|r| r.kind.ends_with(suffix))
    }
}

/// `../media/image1.png` seen from `ppt/slides` is `ppt/media/image1.png`.
pub fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// An XML element with its namespace prefixes dropped: `w:p` is `p`.
#[derive(Debug, Default, Clone)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

#[derive(Debug, Clone)]
pub enum Child {
    Element(Node),
    Text(String),
}

impl Node {
    /// An attribute by local name (`r:id` and `id` both answer to "id").
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name || k.rsplit(':').next() == Some(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.elements().filter(move |n| n.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.elements().find(|n| n.name == name)
    }

    /// Follows a path of child names: `node.path(&["pPr", "numPr", "ilvl"])`.
    pub fn path(&self, names: &[&str]) -> Option<&Node> {
        let mut node = self;
        for name in names {
            node = node.child(name)?;
        }
        Some(node)
    }

    /// Every descendant with this name, in document order (not searching inside matches).
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a Node>) {
        for child in self.elements() {
            if child.name == name {
                out.push(child);
            } else {
                child.descendants(name, out);
            }
        }
    }

    pub fn find_all(&self, name: &str) -> Vec<&Node> {
        let mut out = Vec::new();
        self.descendants(name, &mut out);
        out
    }

    /// All text inside, concatenated.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Child::Text(t) => out.push_str(t),
                Child::Element(n) => n.collect_text(out),
            }
        }
    }
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

/// Parses a whole XML document into its root element.
pub fn parse(text: &str) -> Result<Node, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err("elements nested too deeply".into());
                }
                stack.push(element(&start));
            }
            Event::Empty(start) => {
                let node = element(&start);
                if let Some(top) = stack.last_mut() {
                    top.children.push(Child::Element(node));
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err("an element is closed that was never opened".into());
                }
                if let Some(node) = stack.pop() {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Child::Element(node));
                    }
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r.xml10_content() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err("the document ends before all its elements are closed".into());
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|c| match c {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
        })
        .ok_or_else(|| "the document is empty".to_string())
}

fn element(start: &quick_xml::events::BytesStart) -> Node {
    let name = local(start.name().as_ref());
    let attrs = start
        .attributes()
        .filter_map(|a| a.ok())
        .map(|a| {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string());
            (a.key.as_ref().to_string(), value)
        })
        .collect();
    Node {
        name,
        attrs,
        children: Vec::new(),
    }
}

fn push_text(stack: &mut [Node], text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(top) = stack.last_mut() {
        if let Some(Child::Text(prev)) = top.children.last_mut() {
            prev.push_str(text);
        } else {
            top.children.push(Child::Text(text.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_text_entities_and_attributes() {
        let root = parse(r#"<?xml version="1.0"?><w:p xmlns:w="x"><w:r w:id="7"><w:t xml:space="preserve"> Løn &amp; pension &#8211; </w:t></w:r><w:br/></w:p>"#).unwrap();
        assert_eq!(root.name, "p");
        assert_eq!(root.text(), " Løn & pension – ");
        assert_eq!(root.child("r").unwrap().attr("id"), Some("7"));
        assert_eq!(root.find_all("br").len(), 1);
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a><b>").is_err());
        assert!(parse("").is_err());
    }

    #[test]
    fn resolves_relative_targets() {
        assert_eq!(
            resolve("ppt/slides", "../media/image1.png"),
            "ppt/media/image1.png"
        );
        assert_eq!(resolve("word", "media/a.png"), "word/media/a.png");
        assert_eq!(resolve("word", "/word/x.xml"), "word/x.xml");
    }

    #[test]
    fn not_a_zip_and_encrypted_are_named() {
        let e = open(b"hello".to_vec(), POWERPOINT, ".pptx").err().unwrap();
        assert!(e.en.contains("not a PowerPoint file"), "{e}");
        let e = open(b"hello".to_vec(), SPREADSHEET, ".ods").err().unwrap();
        assert_eq!(
            e.da.as_deref(),
            Some("er ikke en regnearksfil (den er ikke et zip-arkiv, som .ods-filer er); den er måske beskadiget eller har forkert filendelse")
        );
        let e = open(vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0], WORD, ".docx")
            .err()
            .unwrap();
        assert!(e.en.contains("password"), "{e}");
        let e = open(b"PK\x03\x04broken".to_vec(), WORD, ".docx")
            .err()
            .unwrap();
        assert!(e.en.contains("damaged"), "{e}");
    }
}
