/* arkiv search: Danish full-text search of the archive, in the browser, with no server.
 *
 * The index is written by `arkiv build` (src/search/) as script files that call
 * arkivSearch.m (manifest), arkivSearch.s (term shard), arkivSearch.c (result cards) and
 * arkivSearch.d (document), so it loads from file:// too. The analysis below (tokens, folding, Snowball Danish stemming) is the
 * twin of src/search/analysis.rs: tests/search.rs runs both on thousands of words and fails on
 * any difference. Index text is only ever put on the page as text (textContent), never as HTML.
 */
(function (root) {
  "use strict";

  /* ---------- analysis: keep in step with src/search/analysis.rs ---------- */

  var FOLD = { "æ": "ae", "ä": "ae", "ø": "oe", "ö": "oe", "å": "aa", "é": "e", "è": "e", "ê": "e", "ë": "e",
    "á": "a", "à": "a", "â": "a", "ó": "o", "ò": "o", "ô": "o", "ú": "u", "ù": "u", "û": "u", "ü": "u",
    "í": "i", "ì": "i", "î": "i", "ï": "i", "ñ": "n", "ç": "c", "ß": "ss" };

  function fold(word) {
    var out = "";
    for (var i = 0; i < word.length; i++) {
      var c = word.charAt(i);
      out += FOLD[c] || c;
    }
    return out;
  }

  /* Snowball Danish (snowballstem.org/algorithms/danish), as rust-stemmers runs it. */
  var VOWELS = "aeiouyæåø";
  var S_ENDING = "abcdfghjklmnoprtvyzå";
  var MAIN = ["erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens",
    "erets", "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene", "ere",
    "ens", "ers", "ets", "en", "er", "es", "et", "e", "s"].map(function (s) { return Array.from(s); });
  var OTHER = ["elig", "løst", "lig", "els", "ig"].map(function (s) { return Array.from(s); });
  var PAIRS = ["gd", "dt", "gt", "kt"];

  function isVowel(c) { return c !== undefined && c.length === 1 && VOWELS.indexOf(c) >= 0; }

  function endsWith(w, s) {
    if (s.length > w.length) return false;
    for (var i = 1; i <= s.length; i++) if (w[w.length - i] !== s[s.length - i]) return false;
    return true;
  }

  function consonantPair(w, p1) {
    if (w.length - p1 >= 2 && PAIRS.indexOf(w[w.length - 2] + w[w.length - 1]) >= 0) w.length -= 1;
  }

  function stem(word) {
    var w = Array.from(word), n = w.length, p1 = n, i = 0, k, s;
    if (n >= 3) {
      while (i < n && !isVowel(w[i])) i++;
      if (i < n) {
        while (i < n && isVowel(w[i])) i++;
        if (i < n) p1 = Math.max(i + 1, 3);
      }
    }
    for (k = 0; k < MAIN.length; k++) {
      s = MAIN[k];
      if (s.length <= w.length - p1 && endsWith(w, s)) {
        if (s.length === 1 && s[0] === "s") {
          var before = w[w.length - 2];
          if (before !== undefined && before.length === 1 && S_ENDING.indexOf(before) >= 0) w.length -= 1;
        } else {
          w.length -= s.length;
        }
        break;
      }
    }
    consonantPair(w, p1);
    if (endsWith(w, ["i", "g", "s", "t"])) w.length -= 2;
    for (k = 0; k < OTHER.length; k++) {
      s = OTHER[k];
      if (s.length <= w.length - p1 && endsWith(w, s)) {
        if (s[1] === "ø") w.length -= 1;
        else { w.length -= s.length; consonantPair(w, p1); }
        break;
      }
    }
    if (w.length > p1) {
      var last = w[w.length - 1];
      if (!isVowel(last) && w[w.length - 2] === last) w.length -= 1;
    }
    return w.join("");
  }

  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  var LINE_BREAK_HYPHEN = /^-\p{White_Space}+$/u;
  var ENDS_LETTER = /\p{Alphabetic}$/u;
  var STARTS_LOWER = /^\p{Lowercase}/u;
  var DIGIT = /^\p{N}$/u;
  var MAX_TOKEN_CHARS = 40;

  function pushToken(token, out) {
    if (Array.from(token).length <= MAX_TOKEN_CHARS) out.push(token.toLowerCase());
  }

  function pushParts(word, out) {
    var current = "", digits = false;
    for (var c of word) {
      var d = DIGIT.test(c);
      if (current && d !== digits) { pushToken(current, out); current = ""; }
      digits = d;
      current += c;
    }
    if (current) pushToken(current, out);
  }

  /* Lower-case tokens; soft hyphens vanish, `Af-` + line break + `tale` also gives `aftale`. */
  function tokens(text) {
    text = text.replace(/\u00AD/g, "");
    var spans = [], m, out = [];
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) spans.push([m.index, m.index + m[0].length]);
    for (var i = 0; i < spans.length; i++) {
      var word = text.slice(spans[i][0], spans[i][1]);
      pushParts(word, out);
      if (i + 1 < spans.length) {
        var next = text.slice(spans[i + 1][0], spans[i + 1][1]);
        if (LINE_BREAK_HYPHEN.test(text.slice(spans[i][1], spans[i + 1][0])) && ENDS_LETTER.test(word) && STARTS_LOWER.test(next)) {
          pushParts(word + next, out);
        }
      }
    }
    return out;
  }

  function key(word) { return fold(stem(word)); }

  /* ---------- the index ---------- */

  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = {};
  for (var d = 0; d < 64; d++) VALUE[DIGITS.charCodeAt(d)] = d;

  function decodeNumbers(text) {
    var out = [], n = 0;
    for (var i = 0; i < text.length; i++) {
      var v = VALUE[text.charCodeAt(i)];
      if (v < 32) n = n * 32 + v;
      else { out.push(n * 32 + v - 32); n = 0; }
    }
    return out;
  }

  var FACETS = ["kind", "year", "committee", "meeting"];
  var PAGE = 10;
  var FOLDED = 0.8, PREFIX = 0.5, PREFIX_SHARDS = 2, CARD_FILES = 2;

  /* An index is one part, or two in a members' area: the public site's (part 0) and the area's
     own members-only documents (part 1, whose files pass 1 as their part). A document's
     number here counts through the parts: part 1's follow part 0's. */
  var parts = [], merged = null, pending = {}, postingCache = new Map(), foldCache = new Map();
  var loader = null;

  function partAt(p) {
    p = p || 0;
    if (!parts[p]) parts[p] = { manifest: null, shards: [], starts: [], cards: {}, docs: [] };
    return parts[p];
  }

  function foldOf(term) {
    var f = foldCache.get(term);
    if (f === undefined) { f = fold(term); foldCache.set(term, f); }
    return f;
  }

  function need(p, kind, i) {
    var store = kind === "t" ? parts[p].shards : kind === "c" ? parts[p].cards : parts[p].docs;
    if (store[i] !== undefined) return Promise.resolve(store[i]);
    var id = p + kind + i;
    if (!pending[id]) {
      pending[id] = Promise.resolve(loader(kind + "/" + i + ".js", p)).then(function () {
        delete pending[id];
        if (store[i] === undefined) throw new Error("index file " + kind + "/" + i + ".js did not register");
        return store[i];
      }, function (e) { delete pending[id]; throw e; });
    }
    return pending[id];
  }

  /* Compares by code point, as Rust orders strings (UTF-16 order differs above U+FFFF). */
  function compare(a, b) {
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return i < a.length ? 1 : j < b.length ? -1 : 0;
  }

  /* The last shard of a part whose first key is not after `k`; -1 if `k` sorts before them all. */
  function shardFor(index, k) {
    var lo = 0, hi = index.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (compare(index[mid], k) <= 0) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  /* Shards of a part a query word needs: its own key's, and for a prefix the run of shards it spans. */
  function shardsFor(index, w) {
    var set = new Set();
    [w.key, w.alt].forEach(function (k) { var i = shardFor(index, k); if (i >= 0) set.add(i); });
    if (w.prefix) {
      // Words that start with the prefix follow its key in the shard it falls in; a run longer
      // than that shard is followed into the next one only, to keep the transfer small (the
      // most frequent completions come first in neither, so this is a cut, not a ranking).
      var from = Math.max(shardFor(index, w.key), 0), to = shardFor(index, w.key + "\u{10FFFF}");
      for (var i = from; i <= Math.min(to, from + PREFIX_SHARDS - 1); i++) set.add(i);
    }
    return Array.from(set);
  }

  function postingsOf(p, term, text) {
    var id = p + " " + term, list = postingCache.get(id);
    if (!list) {
      var nums = decodeNumbers(text), n = nums.length / 3, offset = merged.offsets[p];
      list = { docs: new Int32Array(n), weights: new Uint8Array(n), sections: new Uint16Array(n) };
      for (var i = 0, doc = 0; i < n; i++) {
        doc += nums[3 * i];
        list.docs[i] = offset + doc; list.weights[i] = nums[3 * i + 1]; list.sections[i] = nums[3 * i + 2];
      }
      postingCache.set(id, list);
    }
    return list;
  }

  function parseQuery(q) {
    var list = tokens(q), seen = new Set(), words = [];
    var open = !/[\s\p{P}]$/u.test(q);
    list.forEach(function (t, n) {
      if (merged.stopwords.has(t)) return;
      var s = stem(t), k = fold(s);
      if (seen.has(k)) return;
      seen.add(k);
      words.push({ word: t, stem: s, key: k, alt: stem(fold(t)), folded: fold(t),
        prefix: open && n === list.length - 1 && fold(t).length >= 3 });
    });
    return words;
  }

  /* Every document a word matches, with its best score and section, and the term that gave
     it (for its result card). A term's document frequency counts its documents in every part. */
  function matchWord(w, shardsOfParts) {
    var N = merged.documents, best = new Map(), terms = new Map();
    shardsOfParts.forEach(function (indices, p) {
      indices.forEach(function (si) {
        var flat = parts[p].shards[si];
        for (var i = 0; i < flat.length; i += 2) {
          var term = flat[i], f = foldOf(term), factor = 0;
          if (term === w.stem) factor = 1;
          else if (f === w.key || f === w.alt) factor = FOLDED;
          else if (w.prefix && (f.indexOf(w.key) === 0 || f.indexOf(w.folded) === 0)) factor = PREFIX;
          if (!factor) continue;
          var t = terms.get(term);
          if (!t) { t = { factor: factor, lists: [] }; terms.set(term, t); }
          t.lists.push({ list: postingsOf(p, term, flat[i + 1]), p: p, shard: si, k: i >> 1, term: term });
        }
      });
    });
    terms.forEach(function (t) {
      var df = 0;
      t.lists.forEach(function (e) { df += e.list.docs.length; });
      var idf = Math.log(1 + (N - df + 0.5) / (df + 0.5)) * t.factor;
      t.lists.forEach(function (e) {
        var list = e.list;
        for (var j = 0; j < list.docs.length; j++) {
          var score = idf * list.weights[j], doc = list.docs[j], had = best.get(doc);
          if (!had || had.score < score) {
            // A match on the title alone keeps the section (and the card) a lesser term found.
            var keep = had && had.section && !list.sections[j];
            best.set(doc, { score: score, section: keep ? had.section : list.sections[j], from: keep ? had.from : e });
          }
        }
      });
    });
    return best;
  }

  function facetCode(f, doc) { return merged.codes[f][doc]; }

  /* The search itself: words → shards → scores → facets → order. */
  function search(q, options) {
    options = options || {};
    if (!ready()) return Promise.reject(new Error("the search index is not loaded"));
    var words = parseQuery(q);
    if (!words.length) return Promise.resolve({ words: words, hits: [], facets: {}, partial: false, total: 0 });
    var wanted = words.map(function (w) {
      return parts.map(function (part) { return shardsFor(part.manifest.shards, w); });
    });
    var loads = [];
    parts.forEach(function (part, p) {
      var all = new Set();
      wanted.forEach(function (perPart) { perPart[p].forEach(function (i) { all.add(i); }); });
      all.forEach(function (i) { loads.push(need(p, "t", i)); });
    });
    return Promise.all(loads).then(function () {
      var maps = words.map(function (w, n) { return matchWord(w, wanted[n]); });
      var scored = combine(maps, true), partial = false;
      if (!scored.size && maps.length > 1) { scored = combine(maps, false); partial = scored.size > 0; }
      return finish(words, scored, options, partial);
    });
  }

  function combine(maps, every) {
    var out = new Map();
    maps.forEach(function (m) {
      m.forEach(function (hit, doc) {
        var r = out.get(doc);
        if (!r) { r = { doc: doc, score: 0, section: 0, top: 0, count: 0 }; out.set(doc, r); }
        r.score += hit.score; r.count++;
        if (hit.section && hit.score > r.top) { r.top = hit.score; r.section = hit.section; }
        // A one-word query's hit may show its term's result card; more words, the document.
        if (maps.length === 1) r.from = hit.from;
      });
    });
    if (every) out.forEach(function (r, doc) { if (r.count < maps.length) out.delete(doc); });
    return out;
  }

  function finish(words, scored, options, partial) {
    var filters = options.filters || {};
    var passes = function (doc, skip) {
      return FACETS.every(function (f) {
        var sel = filters[f];
        return f === skip || !sel || !sel.size || sel.has(facetCode(f, doc));
      });
    };
    var facets = {};
    FACETS.forEach(function (f) {
      var counts = new Map();
      scored.forEach(function (r, doc) {
        if (!passes(doc, f)) return;
        var c = facetCode(f, doc);
        if (c) counts.set(c, (counts.get(c) || 0) + 1);
      });
      var labels = merged.facets[f].labels, sel = filters[f] || new Set();
      facets[f] = labels.map(function (label, i) {
        return { code: i + 1, label: label, count: counts.get(i + 1) || 0, selected: sel.has(i + 1) };
      }).filter(function (v) { return v.count || v.selected; });
    });
    var hits = [], order = merged.order;
    scored.forEach(function (r, doc) { if (passes(doc, null)) hits.push(r); });
    if (options.sort === "date") hits.sort(function (a, b) { return order[a.doc] - order[b.doc] || a.doc - b.doc; });
    else hits.sort(function (a, b) { return b.score - a.score || order[a.doc] - order[b.doc] || a.doc - b.doc; });
    return { words: words, hits: hits, facets: facets, partial: partial, total: hits.length };
  }

  /* A manifest's facet codes, one per document, as numbers. */
  function codesOf(m, f) {
    var facet = m.facets[f], width = facet.width, codes = new Uint16Array(m.documents);
    for (var i = 0; i < m.documents; i++) {
      var v = 0;
      for (var j = 0; j < width; j++) v = v * 64 + VALUE[facet.codes.charCodeAt(i * width + j)];
      codes[i] = v;
    }
    return codes;
  }

  /* The parts as one index, once every manifest is in. A members' part lists every facet
     value of the whole archive, in order, so its labels are the merged ones and the public
     part's codes are renumbered into them; its `before` places each of its documents among
     the public part's in the archive's order (newest first). */
  function ready() {
    if (merged) return true;
    if (!parts.length) return false;
    for (var p = 0; p < parts.length; p++) if (!parts[p] || !parts[p].manifest) return false;
    var base = parts[0].manifest, last = parts[parts.length - 1].manifest;
    var total = 0, offsets = parts.map(function (part) { var o = total; total += part.manifest.documents; return o; });
    var facets = {}, codes = {};
    FACETS.forEach(function (f) {
      var labels = last.facets[f].labels, at = new Map(), all = new Uint16Array(total);
      labels.forEach(function (label, i) { at.set(JSON.stringify(label), i + 1); });
      parts.forEach(function (part, p) {
        var own = codesOf(part.manifest, f), own_labels = part.manifest.facets[f].labels;
        var renumber = own_labels.map(function (label) {
          var key = JSON.stringify(label);
          if (!at.has(key)) { labels = labels.concat([label]); at.set(key, labels.length); }
          return at.get(key);
        });
        for (var i = 0; i < own.length; i++) all[offsets[p] + i] = own[i] ? renumber[own[i] - 1] : 0;
      });
      facets[f] = { labels: labels };
      codes[f] = all;
    });
    var order = new Float64Array(total);
    parts.forEach(function (part, p) {
      var before = part.manifest.before ? decodeNumbers(part.manifest.before) : null;
      for (var i = 0; i < part.manifest.documents; i++) order[offsets[p] + i] = before ? 2 * before[i] : 2 * i + 1;
    });
    merged = { documents: total, offsets: offsets, facets: facets, codes: codes, order: order,
      stopwords: new Set(base.stopwords), shards: base.shards };
    return true;
  }

  /* The card file holding the result cards of the term that gave a hit its score: the last
     file of the term's shard whose first term is not after it (search/results.rs). */
  function cardFileOf(f) {
    var starts = parts[f.p].starts[f.shard] || [], j = -1;
    for (var i = 0; i < starts.length; i++) if (starts[i] <= f.k) j = i;
    return j < 0 ? null : f.shard + "-" + j;
  }
  function cardKey(h) {
    var id = h.from ? cardFileOf(h.from) : null;
    return id ? h.from.p + " " + id : null;
  }

  /* A hit as its term's result card shows it, shaped as its document: only the quoted section
     has text. Null when the file has no card for it (not among the term's first results, or
     another section), so the document is read. */
  var NO_TEXT = ["", "", ""];
  function cardOf(h, cards) {
    var f = h.from, list = cards && cards.t && cards.t[f.term];
    if (!list) return null;
    var local = h.doc - merged.offsets[f.p];
    for (var i = 0; i < list.length; i++) {
      var c = list[i], meta = cards.d[local];
      if (c[0] !== local || c[1] !== h.section || !meta) continue;
      var n = meta[3], sections = [], pdfs = [];
      var place = function (k, entry) {
        if (k > n) { while (pdfs.length < k - n) pdfs.push(NO_TEXT); pdfs[k - n - 1] = entry; }
        else if (k > 0) sections[k - 1] = entry;
      };
      for (var j = 0; j < n; j++) sections.push(NO_TEXT);
      // The posting's section (its link and heading), and the section the quote is from.
      place(c[1], [c[3], c[4], c[2] === c[1] ? c[5] : ""]);
      if (c[2] !== c[1]) place(c[2], ["", "", c[5]]);
      return { title: meta[0], url: meta[1], date: meta[2], sections: sections, pdfs: pdfs, card: true };
    }
    return null;
  }

  /* The part a document is in, and its number there. */
  function locate(doc) {
    var p = parts.length - 1;
    while (p > 0 && doc < merged.offsets[p]) p--;
    return { part: p, local: doc - merged.offsets[p] };
  }

  var engine = {
    /* Registration calls made by the index files. */
    m: function (m) { partAt(m.part).manifest = m; merged = null; postingCache.clear(); },
    s: function (i, flat, p, starts) { var part = partAt(p); part.shards[i] = flat; part.starts[i] = starts || []; },
    c: function (id, cards, p) { partAt(p).cards[id] = cards; },
    d: function (i, doc, p) { partAt(p).docs[i] = doc; },
    /* For the tests and the page. The loader gets a file's path in its part's index and the
       part (0: the site's own, or the public site's in a members' area; 1: the area's). */
    setLoader: function (f) { loader = f; },
    ready: ready,
    manifest: function () { return ready() ? merged : null; },
    search: search,
    document: function (doc) {
      var at = locate(doc);
      return need(at.part, "d", at.local);
    },
    /* What a page of hits shows: its term's result card for a hit whose card file holds
       cards for at least one other hit of the page too (at most CARD_FILES files), else its
       document. A card file is one request, as one document is, so it is read only where it
       saves requests; in bytes it is mostly larger than the documents it replaces. */
    results: function (hits) {
      var keys = hits.map(cardKey), counts = {};
      keys.forEach(function (k) { if (k) counts[k] = (counts[k] || 0) + 1; });
      var chosen = Object.keys(counts).filter(function (k) { return counts[k] >= 2; })
        .sort(function (a, b) { return counts[b] - counts[a]; }).slice(0, CARD_FILES);
      return Promise.all(hits.map(function (h, n) {
        if (!keys[n] || chosen.indexOf(keys[n]) < 0) return engine.document(h.doc);
        return need(h.from.p, "c", cardFileOf(h.from)).then(function (cards) {
          return cardOf(h, cards) || engine.document(h.doc);
        }, function () { return engine.document(h.doc); });
      }));
    },
    partOf: function (doc) { return locate(doc).part; },
    parts: function () { return parts.length; },
    facetCode: facetCode,
    analysis: { tokens: tokens, fold: fold, stem: stem, key: key, parseQuery: function (q) { ready(); return parseQuery(q); } },
    needles: function (words) { return needlesOf(words); },
    quote: function (h, doc, needles) { return quote(h, doc, needles); },
    PAGE: PAGE
  };
  root.arkivSearch = engine;

  /* ---------- the page ---------- */

  if (typeof document === "undefined") return;

  /* The page part runs on the search page; elsewhere (loaded when a reader focuses the header's
     search box, see arkiv.js) the engine just waits in the cache. `/` is arkiv.js's too. */
  document.addEventListener("DOMContentLoaded", function () {
    var app = document.getElementById("search-app");
    if (app) startPage(app);
  });

  function loadScript(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = src;
      s.async = true;
      s.onload = ok;
      s.onerror = function () { fail(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function href(rootPath, url) {
    var parts = url.split("#");
    if (location.protocol === "file:" && (parts[0] === "" || parts[0].slice(-1) === "/")) parts[0] += "index.html";
    return rootPath + parts.join("#");
  }

  /* Appends text with the words that match the query marked; always as text nodes. */
  function highlight(into, text, needles) {
    var last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (matches(m[0], needles)) {
        if (m.index > last) into.appendChild(document.createTextNode(text.slice(last, m.index)));
        into.appendChild(el("mark", "", m[0]));
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) into.appendChild(document.createTextNode(text.slice(last)));
  }

  function matches(token, needles) {
    var f = fold(token.replace(/\u00AD/g, "").toLowerCase());
    for (var i = 0; i < needles.length; i++) {
      var n = needles[i];
      if (f.indexOf(n) === 0 || (n.length >= 4 && f.indexOf(n) > 0)) return true;
    }
    return false;
  }

  /* The words a result marks: each query word's key and its folded spelling. */
  function needlesOf(words) {
    var needles = [];
    words.forEach(function (w) { [w.key, w.folded].forEach(function (k) { if (k.length >= 2 && needles.indexOf(k) < 0) needles.push(k); }); });
    return needles;
  }

  /* What a result quotes: its PDF's or section's text, or for a match on the title the
     section that mentions a query word most (else the opening), centred on the best match. */
  function quote(h, doc, needles) {
    var sections = doc.sections || [];
    var pdf = h.section > sections.length ? doc.pdfs[h.section - sections.length - 1] : null;
    var section = !pdf && h.section ? sections[h.section - 1] : null;
    var text = pdf ? pdf[2] : section ? section[2] : (sections[0] ? sections[0][2] : "");
    if ((section || !pdf) && !anyMatch(text, needles)) {
      for (var i = 0; i < sections.length; i++) {
        if (anyMatch(sections[i][2], needles)) { text = sections[i][2]; break; }
      }
    }
    return text ? excerpt(text, needles, 220) : "";
  }

  function anyMatch(text, needles) {
    var mm;
    WORD.lastIndex = 0;
    while ((mm = WORD.exec(text))) if (matches(mm[0], needles)) return true;
    return false;
  }

  /* About `max` characters centred on the best match: the window where the most different
     query words meet (the first such window on a tie), so the excerpt shows what matched. */
  function excerpt(text, needles, max) {
    var m, hits = [];
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      if (!matches(m[0], needles)) continue;
      var f = fold(m[0].replace(/\u00AD/g, "").toLowerCase()), which = -1;
      for (var i = 0; i < needles.length; i++) if (f.indexOf(needles[i]) >= 0) { which = i; break; }
      hits.push({ at: m.index, end: m.index + m[0].length, which: which });
    }
    var at = -1, end = -1, best = 0;
    for (var a = 0; a < hits.length; a++) {
      var seen = {}, count = 0, last = hits[a].end;
      for (var b = a; b < hits.length && hits[b].end - hits[a].at <= max * 0.8; b++) {
        if (!seen[hits[b].which]) { seen[hits[b].which] = true; count++; }
        last = hits[b].end;
      }
      if (count > best) { best = count; at = hits[a].at; end = last; }
    }
    var start = 0;
    if (at >= 0 && end > max * 0.8) {
      // Centre the matched stretch in the window, starting at a word.
      var centre = Math.floor((at + end) / 2);
      start = Math.max(0, Math.min(centre - Math.floor(max / 2), text.length - max));
      if (start > at) start = at;
      var space = text.lastIndexOf(" ", start);
      start = space < 0 || start - space > 20 ? start : space + 1;
    }
    var out = text.slice(start, start + max);
    if (start + max < text.length) {
      var cut = out.lastIndexOf(" ");
      out = (cut > max / 2 ? out.slice(0, cut) : out) + " …";
    }
    return (start > 0 ? "… " : "") + out;
  }

  function startPage(app) {
    // In a members' area the public site's index is part 0 and the area's own is part 1;
    // each part's results link from its own site's root.
    var ownBase = app.getAttribute("data-index"), ownRoot = app.getAttribute("data-root") || "";
    var publicBase = app.getAttribute("data-public-index");
    var bases = publicBase ? [publicBase, ownBase] : [ownBase];
    var roots = publicBase ? [app.getAttribute("data-public-root") || "", ownRoot] : [ownRoot];
    var T = function (k) { return app.getAttribute("data-t-" + k) || ""; };
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-q");
    var sortSelect = document.getElementById("search-sort");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var facetBox = document.getElementById("search-facets");
    var more = document.getElementById("search-more");
    var header = document.getElementById("site-search");
    Array.prototype.forEach.call(app.querySelectorAll("[hidden]"), function (e) {
      if (e !== more) e.hidden = false;
    });
    var filterBox = document.getElementById("search-filter");
    if (filterBox && window.matchMedia && window.matchMedia("(max-width: 760px)").matches) filterBox.open = false;
    engine.setLoader(function (path, part) { return loadScript(bases[part || 0] + path); });
    if (!engine.ready()) { status.textContent = T("error"); return; }
    var m = engine.manifest();

    var params = new URLSearchParams(location.search);
    var filters = {};
    FACETS.forEach(function (f) {
      var wanted = params.getAll(f), sel = new Set();
      m.facets[f].labels.forEach(function (label, i) {
        if (wanted.indexOf(facetValue(f, label)) >= 0) sel.add(i + 1);
      });
      filters[f] = sel;
    });
    // Keep what was typed before the script ran; a shared link's query wins otherwise.
    if (params.get("q") !== null) input.value = params.get("q");
    if (header) header.value = input.value;
    sortSelect.value = params.get("sort") === "date" ? "date" : "relevance";

    var run = 0, timer = null, current = null, shown = 0;

    function facetValue(f, label) { return f === "kind" ? label[0] : String(label); }
    function facetLabel(f, label) { return f === "kind" ? label[2] : String(label); }

    function syncUrl() {
      var p = new URLSearchParams();
      if (input.value) p.set("q", input.value);
      if (sortSelect.value === "date") p.set("sort", "date");
      FACETS.forEach(function (f) {
        filters[f].forEach(function (code) { p.append(f, facetValue(f, m.facets[f].labels[code - 1])); });
      });
      var qs = p.toString();
      history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
    }

    function go() {
      var mine = ++run, q = input.value;
      syncUrl();
      if (header) header.value = q;
      if (!q.trim()) {
        list.textContent = ""; facetBox.textContent = ""; more.hidden = true;
        status.textContent = T("hint");
        return;
      }
      engine.search(q, { sort: sortSelect.value, filters: filters }).then(function (r) {
        if (mine !== run) return;
        current = r; shown = 0;
        return showPage(mine, true);
      }).catch(function () {
        if (mine === run) status.textContent = T("error");
      });
    }

    function showPage(mine, fresh) {
      var r = current, slice = r.hits.slice(shown, shown + PAGE);
      return engine.results(slice).then(function (ds) {
        if (mine !== run) return;
        if (fresh) {
          list.textContent = "";
          renderFacets(r);
          var n = r.total;
          status.textContent = n ? T(n === 1 ? "one" : "count").replace("{n}", n) + (r.partial ? " " + T("partial") : "")
            : T("none").replace("{q}", input.value.trim());
        }
        var needles = needlesOf(r.words);
        slice.forEach(function (h, n) { list.appendChild(renderHit(h, ds[n], needles)); });
        shown += slice.length;
        more.hidden = shown >= r.total;
      });
    }

    function renderHit(h, doc, needles) {
      var li = el("li", "search-result"), rootPath = roots[engine.partOf(h.doc)] || ownRoot;
      var sections = doc.sections, pdf = null, section = null;
      if (h.section > sections.length) pdf = doc.pdfs[h.section - sections.length - 1] || null;
      else if (h.section > 0) section = sections[h.section - 1];
      var title = el("a", "search-result-title");
      title.href = href(rootPath, pdf ? pdf[0] : section ? section[0] : doc.url);
      highlight(title, pdf ? pdf[1] : doc.title, needles);
      var heading = el("h2", "search-result-heading");
      heading.appendChild(title);
      li.appendChild(heading);
      var meta = el("p", "search-result-meta");
      var kind = m.facets.kind.labels[engine.facetCode("kind", h.doc) - 1];
      var bits = [];
      if (pdf) bits.push("PDF");
      if (kind) bits.push(kind[1]);
      if (doc.date) bits.push(doc.date);
      // In a members' area, its own part holds the members-only documents.
      if (publicBase && engine.partOf(h.doc) === 1) bits.push(T("members"));
      var meeting = m.facets.meeting.labels[engine.facetCode("meeting", h.doc) - 1];
      if (meeting && meeting !== doc.title) bits.push(meeting);
      meta.textContent = bits.join(" · ");
      li.appendChild(meta);
      if (pdf) {
        var of = el("p", "search-result-parent", T("pdf_of") + " ");
        var parent = el("a", "", doc.title);
        parent.href = href(rootPath, doc.url);
        of.appendChild(parent);
        li.appendChild(of);
      } else if (section && section[1]) {
        var where = el("p", "search-result-section");
        highlight(where, section[1], needles);
        li.appendChild(where);
      }
      var text = quote(h, doc, needles);
      if (text) {
        var p = el("p", "search-result-excerpt");
        highlight(p, text, needles);
        li.appendChild(p);
      }
      return li;
    }

    function hasMatch(text, needles) {
      var mm;
      WORD.lastIndex = 0;
      while ((mm = WORD.exec(text))) if (matches(mm[0], needles)) return true;
      return false;
    }

    function renderFacets(r) {
      facetBox.textContent = "";
      FACETS.forEach(function (f) {
        var values = r.facets[f] || [];
        if (!values.length) return;
        if (f !== "year" && f !== "kind") values = values.slice().sort(function (a, b) { return b.count - a.count; });
        var fs = el("fieldset", "search-facet");
        fs.appendChild(el("legend", "", T("facet-" + f)));
        values.slice(0, 12).forEach(function (v) {
          var label = el("label", "search-facet-value");
          var box = el("input");
          box.type = "checkbox";
          box.checked = v.selected;
          box.setAttribute("data-facet", f);
          box.value = String(v.code);
          box.addEventListener("change", function () {
            if (box.checked) filters[f].add(v.code); else filters[f].delete(v.code);
            go();
          });
          label.appendChild(box);
          label.appendChild(el("span", "search-facet-label", facetLabel(f, v.label)));
          label.appendChild(el("span", "count", String(v.count)));
          fs.appendChild(label);
        });
        facetBox.appendChild(fs);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(go, 60);
    });
    sortSelect.addEventListener("change", go);
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); go(); });
    more.addEventListener("click", function () {
      var first = shown;
      showPage(run, false).then(function () {
        var links = list.querySelectorAll(".search-result-title");
        if (links[first]) links[first].focus();
      });
    });

    /* Arrows move between the box and the results; Enter on a result opens it. */
    app.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll(".search-result-title"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      if (document.activeElement === input) {
        if (e.key === "ArrowDown") { e.preventDefault(); links[0].focus(); }
        return;
      }
      if (at < 0) return;
      e.preventDefault();
      if (e.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)].focus();
      else if (at === 0) input.focus();
      else links[at - 1].focus();
    });

    if (input.value) go(); else status.textContent = T("hint");
    if (!params.get("q") && document.activeElement === document.body) input.focus();
  }
})(typeof self !== "undefined" ? self : globalThis);
