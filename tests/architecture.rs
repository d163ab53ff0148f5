//! The architecture test: reads the `crate::…`, `super::…` and child-module paths of every file
//! under `src/` and fails on any import from a lower layer to a higher one, and on any import
//! cycle between files. The layers are the build's stages, in the order the README's
//! "Architecture" section draws them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules by layer, lowest first. A file may import from its own layer or below.
const LAYERS: &[&[&str]] = &[
    &["core"],
    &["load", "markdown", "routes"],
    &["model"],
    &["render"],
    &["search"],
    &["output"],
    &["pipeline"],
    &["serve", "check", "scaffold", "import", "members", "cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS.iter().position(|l| l.contains(&top))
}

/// `src/model/links.rs` → `model::links`; `src/model/mod.rs` → `model`.
fn module_name(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().map(String::as_str) == Some("mod") {
        parts.pop();
    }
    parts.join("::")
}

/// Source without comments, string literals and unit tests, so words in prose never count as
/// imports.
fn code_only(source: &str) -> String {
    // Unit tests may reach anywhere; they sit at the end of a file, after `#[cfg(test)]`.
    let source = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    let mut out = String::with_capacity(source.len());
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'r'
            && matches!(b.get(i + 1), Some(b'"') | Some(b'#'))
            && (i == 0 || !is_ident(b[i - 1]))
        {
            // raw string r"…" or r#"…"#
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push('r');
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&b'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            // a char literal such as '"' or '{'
            out.push_str("' '");
            i += 3;
        } else if b[i] == b'\'' && b.get(i + 1) == Some(&b'\\') {
            let mut j = i + 2;
            while j < b.len() && b[j] != b'\'' {
                j += 1;
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            let start = i;
            i += 1;
            while i < b.len() && !matches!(b[i], b'/' | b'"' | b'\'' | b'r') {
                i += 1;
            }
            out.push_str(&source[start..i]);
        }
    }
    out
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Every path that starts at `prefix` (`crate::`, `super::`, `child::`): `crate::a::b::{c, d::e}`
/// gives `a::b::c` and `a::b::d::e`.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    let b = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find(prefix) {
        let start = from + at;
        from = start + prefix.len();
        if start > 0 && (is_ident(b[start - 1]) || b[start - 1] == b':') {
            continue;
        }
        expand(&code[from..], String::new(), &mut found);
    }
    found
}

/// Reads one path (with brace groups) from the start of `rest`, each full path into `found`.
fn expand(rest: &str, base: String, found: &mut Vec<String>) {
    let b = rest.as_bytes();
    let mut i = 0;
    let mut path = base;
    loop {
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        if i > start {
            if !path.is_empty() {
                path.push_str("::");
            }
            path.push_str(&rest[start..i]);
        }
        let group = if rest[i..].starts_with("::{") {
            Some(3)
        } else if i == 0 && rest.starts_with('{') {
            Some(1)
        } else {
            None
        };
        if let Some(skip) = group {
            i += skip;
            // split the group at top-level commas
            let mut depth = 0;
            let mut item_start = i;
            while i < b.len() {
                match b[i] {
                    b'{' => depth += 1,
                    b'}' if depth == 0 => {
                        expand_item(&rest[item_start..i], &path, found);
                        return;
                    }
                    b'}' => depth -= 1,
                    b',' if depth == 0 => {
                        expand_item(&rest[item_start..i], &path, found);
                        item_start = i + 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            return;
        }
        if rest[i..].starts_with("::") {
            i += 2;
            continue;
        }
        break;
    }
    if !path.is_empty() {
        found.push(path);
    }
}

fn expand_item(item: &str, base: &str, found: &mut Vec<String>) {
    let item = item.trim();
    if item == "self" {
        found.push(base.to_string());
    } else if !item.is_empty() && item != "*" {
        expand(item, base.to_string(), found);
    } else {
        found.push(base.to_string());
    }
}

/// The module a path names: its longest prefix that is a file of the crate.
fn resolve(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|m| modules.contains(m))
}

/// The crate's files (module name → source) under `src`, without `lib.rs` and `main.rs`.
fn read_tree(src: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src).unwrap_or(&path);
                let name = module_name(relative);
                if name == "lib" || name == "main" {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                files.insert(name, source);
            }
        }
    }
    files
}

/// Each file's imports of other files of the crate.
fn import_graph(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.keys().cloned().collect();
    let mut graph = BTreeMap::new();
    for (name, source) in files {
        let code = code_only(source);
        let parent = match name.rfind("::") {
            Some(i) => name[..i].to_string(),
            None => String::new(),
        };
        let mut paths: Vec<String> = paths_after(&code, "crate::");
        for p in paths_after(&code, "super::") {
            paths.push(if parent.is_empty() {
                p
            } else {
                format!("{parent}::{p}")
            });
        }
        // A parent reaches its children by their bare names (`mod meetings; meetings::f()`).
        for child in modules.iter().filter(|m| {
            m.strip_prefix(name.as_str())
                .and_then(|rest| rest.strip_prefix("::"))
                .is_some_and(|rest| !rest.contains("::"))
        }) {
            let short = child.rsplit("::").next().unwrap_or(child);
            for p in paths_after(&code, &format!("{short}::")) {
                paths.push(format!("{child}::{p}"));
            }
            if code.contains(&format!("use {short};")) {
                paths.push(child.clone());
            }
        }
        let deps: BTreeSet<String> = paths
            .iter()
            .filter_map(|p| resolve(p, &modules))
            .filter(|m| m != name)
            .collect();
        graph.insert(name.clone(), deps);
    }
    graph
}

/// Imports that point up the layers: (from, to).
fn upward_imports(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<(String, String)> {
    let mut bad = Vec::new();
    for (from, deps) in graph {
        let Some(lf) = layer_of(from) else { continue };
        for to in deps {
            if layer_of(to).is_some_and(|lt| lt > lf) {
                bad.push((from.clone(), to.clone()));
            }
        }
    }
    bad
}

/// Groups of files that import each other, directly or round a loop (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).expect("visited");
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

fn problems(files: &BTreeMap<String, String>) -> Vec<String> {
    let graph = import_graph(files);
    let mut out = Vec::new();
    for name in files.keys() {
        if layer_of(name).is_none() {
            out.push(format!(
                "{name} is in no layer: add its folder to LAYERS and to the README's Architecture section"
            ));
        }
    }
    for (from, to) in upward_imports(&graph) {
        out.push(format!("{from} imports {to}, which is in a higher layer"));
    }
    for group in cycles(&graph) {
        let edges: Vec<String> = group
            .iter()
            .flat_map(|from| {
                graph[from]
                    .iter()
                    .filter(|to| group.contains(to))
                    .map(move |to| format!("{from} → {to}"))
            })
            .collect();
        out.push(format!(
            "these files import each other: {} ({})",
            group.join(", "),
            edges.join(", ")
        ));
    }
    out
}

#[test]
fn imports_point_down_the_layers_and_never_round_a_loop() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_tree(&src);
    assert!(files.len() > 40, "read only {} files", files.len());
    let found = problems(&files);
    assert!(found.is_empty(), "architecture:\n  {}", found.join("\n  "));
}

#[test]
fn no_source_file_passes_500_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut long = Vec::new();
    for dir in ["src", "crates/arkiv-gen/src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let lines = std::fs::read_to_string(&p)
                        .unwrap_or_default()
                        .lines()
                        .count();
                    if lines > 500 {
                        long.push(format!("{} ({lines} lines)", p.display()));
                    }
                }
            }
        }
    }
    assert!(long.is_empty(), "split these files: {long:?}");
}

fn tree(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect()
}

#[test]
fn a_back_import_is_caught() {
    let files = tree(&[
        ("core::dates", "use crate::render::deck::Slide;\n"),
        ("render::deck", "use crate::core::dates::Date;\n"),
    ]);
    let found = problems(&files);
    assert!(
        found
            .iter()
            .any(|p| p == "core::dates imports render::deck, which is in a higher layer"),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.contains("import each other")),
        "{found:?}"
    );
}

#[test]
fn a_cycle_inside_one_layer_is_caught_through_braces_super_and_child_names() {
    let files = tree(&[
        (
            "model",
            "pub mod meetings;\nfn f() { meetings::resolve(); }\n",
        ),
        ("model::meetings", "use super::{Document, links::{self}};\n"),
        (
            "model::links",
            "use crate::{core::slug, model::pdf::read};\n",
        ),
        (
            "model::pdf",
            "// use crate::model::links;\nconst S: &str = \"crate::model\";\n",
        ),
        ("core::slug", ""),
    ]);
    let graph = import_graph(&files);
    assert_eq!(
        graph["model::meetings"],
        ["model", "model::links"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    assert_eq!(
        graph["model::links"],
        ["core::slug", "model::pdf"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    assert!(
        graph["model::pdf"].is_empty(),
        "comments and strings are not imports"
    );
    assert_eq!(
        cycles(&graph),
        vec![vec!["model".to_string(), "model::meetings".to_string()]]
    );
}
