//! Where a build keeps the texts it needs only now and then: each document's Markdown from
//! loading until it is rendered, its body and slide HTML until its pages are, every section's
//! plain text and the search index's word lists until the index is built.
//!
//! A build writes them to a temporary file beside the output as soon as they exist, and reads
//! each back when it is needed; the load stage and the model keep just where each text is. At
//! 10,000 documents that is about 310 MB (74 MB of Markdown, 67 MB of body HTML, 25 MB of
//! slide HTML, 73 MB of section text, 70 MB of word lists) the build no longer holds, and ten
//! times as much at 100,000. Serve, check and the tests keep the texts in memory: they read
//! them more than once, and their archives are small.
//!
//! The file is unlinked as soon as it is made (the `tempfile` crate), so nothing is left
//! behind, however the build ends. If it cannot be made or written, the text stays in memory:
//! a full disk costs memory, not the build. The file does take room on the output's disk
//! while the build runs (about 310 MB at 10,000 documents), beside the staging folder.
//! Reading it back can fail only if the disk does; the store then remembers the first failure,
//! the build reports it and the published site stays as it was (`pipeline`).

use std::borrow::Cow;
use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// A text held in memory, or where it is in the store's file.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Held(String),
    Spilled { at: u64, len: u32 },
}

/// Bytes held in memory, or where they are in the store's file.
#[derive(Debug, Clone, PartialEq)]
pub enum Bytes {
    Held(Vec<u8>),
    Spilled { at: u64, len: u32 },
}

impl Default for Text {
    fn default() -> Text {
        Text::Held(String::new())
    }
}

impl Text {
    /// Gives back the spare room of a text held in memory.
    pub fn shrink_to_fit(&mut self) {
        if let Text::Held(t) = self {
            t.shrink_to_fit();
        }
    }
}

/// The model's text store: in memory, or a temporary file (see the module's comment). Cloning
/// shares it: the public site and the members' area read one file.
#[derive(Debug, Clone, Default)]
pub struct TextStore {
    spill: Option<Arc<Spill>>,
}

#[derive(Debug)]
struct Spill {
    file: File,
    /// Where the next text goes: each writer takes its place here, then writes without a lock.
    end: AtomicU64,
    /// The first error reading the file back, for the build to report.
    failure: Mutex<Option<std::io::Error>>,
}

impl TextStore {
    /// A store that keeps every text in memory.
    pub fn in_memory() -> TextStore {
        TextStore::default()
    }

    /// A store that writes texts to a temporary file in `dir`; in memory when no file can be
    /// made there.
    pub fn in_dir(dir: &Path) -> TextStore {
        match tempfile::tempfile_in(dir) {
            Ok(file) => TextStore::in_file(file),
            Err(_) => TextStore::in_memory(),
        }
    }

    fn in_file(file: File) -> TextStore {
        TextStore {
            spill: Some(Arc::new(Spill {
                file,
                end: AtomicU64::new(0),
                failure: Mutex::new(None),
            })),
        }
    }

    /// A store whose texts go to a file in `dir` that cannot be read back, as on a failing
    /// disk: for the tests of what a build does then.
    #[cfg(test)]
    pub(crate) fn unreadable(dir: &Path) -> TextStore {
        match tempfile::NamedTempFile::new_in(dir).and_then(|f| {
            std::fs::OpenOptions::new()
                .write(true)
                .open(f.into_temp_path())
        }) {
            Ok(file) => TextStore::in_file(file),
            Err(_) => TextStore::in_memory(),
        }
    }

    /// How many bytes have gone to the file (0 in memory).
    pub fn written(&self) -> u64 {
        self.spill
            .as_ref()
            .map_or(0, |s| s.end.load(Ordering::Relaxed))
    }

    /// Whether texts go to a file.
    pub fn spills(&self) -> bool {
        self.spill.is_some()
    }

    /// Writes `bytes` at a place of their own in the file: where, or `None` when there is no
    /// file, nothing to write, more than a `u32` can count, or the write fails (the caller
    /// then keeps them in memory; the place taken stays unused).
    fn put(&self, bytes: &[u8]) -> Option<(u64, u32)> {
        let spill = self.spill.as_ref()?;
        let len = u32::try_from(bytes.len()).ok().filter(|&l| l > 0)?;
        let at = spill.end.fetch_add(u64::from(len), Ordering::Relaxed);
        write_at(&spill.file, bytes, at).ok()?;
        Some((at, len))
    }

    /// The `len` bytes at `at`; `None` (and the failure kept for `failure`) when they cannot be
    /// read back. A store without a file has none: it never handed out a place.
    fn get(&self, at: u64, len: usize) -> Option<Vec<u8>> {
        let spill = self.spill.as_ref()?;
        let mut bytes = vec![0; len];
        match read_at(&spill.file, &mut bytes, at) {
            Ok(()) => Some(bytes),
            Err(e) => {
                spill.remember(e);
                None
            }
        }
    }

    /// Takes a text into the store.
    pub fn keep(&self, text: String) -> Text {
        match self.put(text.as_bytes()) {
            Some((at, len)) => Text::Spilled { at, len },
            None => Text::Held(text),
        }
    }

    /// Takes bytes into the store (the search index's per-document word lists, which wait there
    /// while the archive's vocabulary is completed).
    pub fn keep_bytes(&self, bytes: Vec<u8>) -> Bytes {
        match self.put(&bytes) {
            Some((at, len)) => Bytes::Spilled { at, len },
            None => Bytes::Held(bytes),
        }
    }

    /// Bytes taken by `keep_bytes`; none if they cannot be read back (the failure is kept for
    /// `failure`).
    pub fn read_bytes<'a>(&self, bytes: &'a Bytes) -> Cow<'a, [u8]> {
        match bytes {
            Bytes::Held(b) => Cow::Borrowed(b),
            Bytes::Spilled { at, len } => self
                .get(*at, *len as usize)
                .map_or(Cow::Borrowed(&[]), Cow::Owned),
        }
    }

    /// Takes every text still in memory of `texts` into the store with one write: a document's
    /// texts together, so a build makes one system call a document rather than one a slide.
    pub fn keep_all<'t>(&self, texts: impl IntoIterator<Item = &'t mut Text>) {
        if !self.spills() {
            return;
        }
        let mut held: Vec<&mut Text> = texts
            .into_iter()
            .filter(|t| matches!(t, Text::Held(s) if !s.is_empty()))
            .collect();
        let mut bytes = Vec::new();
        let mut places = Vec::with_capacity(held.len());
        for t in &held {
            if let Text::Held(s) = &**t {
                places.push((bytes.len() as u64, s.len() as u32));
                bytes.extend_from_slice(s.as_bytes());
            }
        }
        let Some((at, _)) = self.put(&bytes) else {
            return;
        };
        for (t, (offset, len)) in held.iter_mut().zip(places) {
            **t = Text::Spilled {
                at: at + offset,
                len,
            };
        }
    }

    /// A text. One that cannot be read back (or is no longer the UTF-8 written) is empty here,
    /// and the failure is kept for `failure`.
    pub fn whole<'a>(&self, text: &'a Text) -> Cow<'a, str> {
        let (at, len) = match text {
            Text::Held(s) => return Cow::Borrowed(s),
            Text::Spilled { at, len } => (*at, *len as usize),
        };
        let Some(bytes) = self.get(at, len) else {
            return Cow::Borrowed("");
        };
        // Checked with simdutf8, several times faster on Danish text than the standard
        // library's check: copying the checked text costs less than checking it again.
        match simdutf8::compat::from_utf8(&bytes) {
            Ok(text) => Cow::Owned(text.to_owned()),
            Err(e) => {
                if let Some(spill) = &self.spill {
                    spill.remember(std::io::Error::new(std::io::ErrorKind::InvalidData, e));
                }
                Cow::Borrowed("")
            }
        }
    }

    /// The first failure to read a text back, taken (the build reports it once).
    pub fn failure(&self) -> Option<std::io::Error> {
        let spill = self.spill.as_ref()?;
        let mut slot = spill
            .failure
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.take()
    }
}

impl Spill {
    fn remember(&self, e: std::io::Error) {
        let mut slot = self
            .failure
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.get_or_insert(e);
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn write_at(file: &File, mut bytes: &[u8], mut at: u64) -> std::io::Result<()> {
    while !bytes.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_write(file, bytes, at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> std::io::Result<()> {
    while !bytes.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_read(file, bytes, at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        bytes = &mut bytes[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn write_at(_: &File, _: &[u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_texts_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = TextStore::in_dir(dir.path());
        assert!(store.spills());
        let texts = [
            "Lægevagten i Øresund",
            "",
            "æøå — ÆØÅ",
            &"ord ".repeat(3000),
        ];
        let kept: Vec<Text> = texts.iter().map(|t| store.keep(t.to_string())).collect();
        assert!(matches!(kept[0], Text::Spilled { .. }));
        for (k, t) in kept.iter().zip(texts) {
            assert_eq!(store.whole(k), t);
        }
        assert!(store.failure().is_none());
    }

    #[test]
    fn a_text_that_is_no_longer_utf8_reads_as_none_and_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let store = TextStore::in_dir(dir.path());
        // Bytes that are not UTF-8, where a text is expected: as a corrupted file would give.
        let Bytes::Spilled { at, len } = store.keep_bytes(vec![b'a', 0xff, 0xfe]) else {
            panic!("not written to the file");
        };
        assert_eq!(store.whole(&Text::Spilled { at, len }), "");
        let failure = store.failure().map(|e| e.kind());
        assert_eq!(failure, Some(std::io::ErrorKind::InvalidData));
    }

    #[test]
    fn texts_written_from_many_threads_each_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = TextStore::in_dir(dir.path());
        use rayon::prelude::*;
        let kept: Vec<(String, Text)> = (0..2000)
            .into_par_iter()
            .map(|i| {
                let t = format!("dokument {i} {}", "x".repeat(i % 97));
                (t.clone(), store.keep(t))
            })
            .collect();
        for (t, k) in &kept {
            assert_eq!(store.whole(k), t.as_str());
        }
    }

    #[test]
    fn bytes_read_back_as_written_in_a_file_and_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        for store in [TextStore::in_dir(dir.path()), TextStore::in_memory()] {
            let a = store.keep_bytes(vec![1, 2, 3, 255]);
            let b = store.keep_bytes(Vec::new());
            assert_eq!(store.read_bytes(&a).as_ref(), &[1, 2, 3, 255]);
            assert!(store.read_bytes(&b).is_empty());
            assert_eq!(matches!(a, Bytes::Spilled { .. }), store.spills());
            assert_eq!(b, Bytes::Held(Vec::new()));
        }
        let store = TextStore::unreadable(dir.path());
        let a = store.keep_bytes(vec![7; 10]);
        assert!(store.read_bytes(&a).is_empty());
        assert!(store.failure().is_some());
    }

    #[test]
    fn texts_kept_together_read_back_each_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = TextStore::in_dir(dir.path());
        let written = ["<p>Lægevagten</p>", "", "æøå", "sidste"];
        let mut texts: Vec<Text> = written.iter().map(|t| Text::Held(t.to_string())).collect();
        store.keep_all(texts.iter_mut());
        assert!(matches!(texts[0], Text::Spilled { .. }));
        assert_eq!(texts[1], Text::Held(String::new()));
        for (t, w) in texts.iter().zip(written) {
            assert_eq!(store.whole(t), w);
        }
    }

    #[test]
    fn a_file_that_cannot_be_written_leaves_every_text_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("skrivebeskyttet");
        std::fs::write(&path, "").unwrap();
        // Opened only for reading: every write fails, as on a full disk.
        let store = TextStore::in_file(std::fs::File::open(&path).unwrap());
        assert_eq!(store.keep("tekst".into()), Text::Held("tekst".into()));
        assert_eq!(store.keep_bytes(vec![1, 2]), Bytes::Held(vec![1, 2]));
        let mut texts = vec![Text::Held("a".into()), Text::Held("b".into())];
        store.keep_all(texts.iter_mut());
        assert_eq!(texts, vec![Text::Held("a".into()), Text::Held("b".into())]);
        assert!(store.failure().is_none());
    }

    #[test]
    fn in_memory_keeps_and_reads_without_a_file() {
        let store = TextStore::in_memory();
        assert!(!store.spills());
        let t = store.keep("tekst".into());
        assert_eq!(t, Text::Held("tekst".into()));
        assert_eq!(store.whole(&t), "tekst");
    }

    #[test]
    fn a_folder_that_cannot_hold_a_file_keeps_the_text_in_memory() {
        let store = TextStore::in_dir(Path::new("/nonexistent/arkiv/spill"));
        assert!(!store.spills());
        assert_eq!(store.whole(&store.keep("tekst".into())), "tekst");
    }

    #[test]
    fn a_failed_read_gives_no_text_and_is_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = TextStore::unreadable(dir.path());
        let t = store.keep("tekst".into());
        assert!(matches!(t, Text::Spilled { .. }));
        assert_eq!(store.whole(&t), "");
        assert!(store.failure().is_some());
        assert!(store.failure().is_none());
    }
}
