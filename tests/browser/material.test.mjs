// Real association material (issue 13), from the seed-shaped fixture in
// tests/fixtures/real-material: overfull slides never lose text, title slides, packs in
// programme order without `document:`, accounts tables on a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildSite, serveStatic, launchBrowser, screenshot, repoRoot } from "./harness.mjs";

const MEETING = "2025/efteraarsmoede-2025/";
const DECK = "2025/nyt-fra-bestyrelsen-efteraar-2025/";
const pdfDir = join(repoRoot, "target", "material-pdf");
const FLOOR_PX = 24; // at 1280×720
const FLOOR_PT = 7;

let site, server, example, browser;
before(async () => {
  site = buildSite(join(repoRoot, "tests", "fixtures", "real-material"), "real-material");
  server = await serveStatic(site, "/");
  example = await serveStatic(buildSite(repoRoot, "material-example"), "/");
  browser = await launchBrowser();
  mkdirSync(pdfDir, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); await example?.close(); });

/** Every list item of the current slide: its text, font size, and whether it is wholly shown. */
const currentItems = (page) => page.evaluate(() => {
  const box = document.querySelector(".slide.current .slide-box");
  const content = box.querySelector(".slide-content");
  const c = content.getBoundingClientRect();
  const items = [...content.querySelectorAll("li")].map((li) => {
    const r = li.getBoundingClientRect();
    return { text: li.textContent.trim(), font: parseFloat(getComputedStyle(li).fontSize),
      inside: r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.left >= c.left - 1 && r.right <= c.right + 1 };
  });
  return { items, hash: location.hash, number: document.querySelector(".slide.current").dataset.number,
    title: content.querySelector("h1, h2")?.textContent.trim(), overfull: box.classList.contains("overfull"),
    scroll: content.scrollHeight > content.clientHeight + 1 };
});

test("a 100-bullet slide shows every bullet at 24 px or more, over follow-on slides", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url + DECK + "slides/#4");
  const seen = new Map();
  let smallest = Infinity, parts = 0;
  for (;;) {
    const m = await currentItems(page);
    if (m.number !== "4") break;
    parts += 1;
    assert.equal(m.hash, parts === 1 ? "#4" : `#4.${parts}`);
    assert.ok(!m.overfull && !m.scroll, `part ${parts} overflows`);
    if (parts > 1) assert.match(m.title, /Tilbagemeldinger fra klinikkerne \(forts\.\)/);
    for (const it of m.items) {
      assert.ok(it.inside, `"${it.text}" is cut off on part ${parts}`);
      assert.ok(it.font >= FLOOR_PX, `"${it.text}" at ${it.font}px on part ${parts}`);
      smallest = Math.min(smallest, it.font);
      seen.set(it.text, (seen.get(it.text) || 0) + 1);
    }
    if (parts === 1) await screenshot(page, "material-overfull-part-1-1280");
    await page.keyboard.press("ArrowRight");
  }
  for (let i = 1; i <= 100; i++) {
    const found = [...seen.keys()].filter((t) => t.startsWith(`Klinik ${i} i `));
    assert.equal(found.length, 1, `bullet ${i} shown ${found.length} times`);
  }
  assert.ok(parts >= 5, `${parts} parts`);
  console.log(`# densest slide: 100 bullets over ${parts} slides, smallest text ${smallest.toFixed(1)} px at 1280×720`);
  // The counter and #N count the deck's own slides: after the parts comes slide 5.
  assert.equal(await page.locator("#deck-counter").innerText(), "5 / 6");
  assert.equal(new URL(page.url()).hash, "#5");
  // A deep link into a part, and typing a slide's number, land where they should.
  await page.goto(server.url + DECK + "slides/#4.3");
  assert.equal((await currentItems(page)).hash, "#4.3");
  assert.equal(await page.locator("#deck-counter").innerText(), "4 / 6");
  await page.keyboard.type("6");
  await page.keyboard.press("Enter");
  assert.equal((await currentItems(page)).title, "Spørgsmål?");
  await page.close();
});

test("a deck's first slide with a heading and a line is a centred title slide", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url + DECK + "slides/#1");
  const m = await page.evaluate(() => {
    const box = document.querySelector(".slide.current .slide-box");
    const h = box.querySelector("h1, h2");
    const b = box.getBoundingClientRect(), r = h.getBoundingClientRect();
    return { title: box.classList.contains("title-slide"), font: parseFloat(getComputedStyle(h).fontSize),
      centre: (r.top + r.bottom) / 2 - (b.top + b.bottom) / 2, boxHeight: b.height };
  });
  assert.ok(m.title, "laid out as a title slide");
  assert.ok(m.font >= 60, `title at ${m.font}px`);
  assert.ok(Math.abs(m.centre) < m.boxHeight * 0.2, `title ${m.centre}px off centre`);
  await screenshot(page, "material-title-slide-1280");
  await page.close();
});

test("handouts and packs print no text below 7 pt: an overfull slide prints as its outline", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let smallest = Infinity;
  const EXAMPLE = "2024/nyt-fra-bestyrelsen-efteraar-2024/handout/";
  for (const [base, url, name] of [[server, DECK + "handout/", "handout-3"], [server, DECK + "handout/?per-page=6", "handout-6"],
    [server, MEETING + "pack/", "pack"], [example, EXAMPLE + "?per-page=4", "example-4"], [example, EXAMPLE + "?per-page=6", "example-6"]]) {
    await page.goto(base.url + url);
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const sizes = await page.evaluate(() => {
      const out = [];
      // Every element with text of its own (list items, paragraphs, headings, table cells…).
      for (const el of document.querySelectorAll(".handout-slide *, .handout-outline *")) {
        if (!el.offsetParent || ![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) continue;
        out.push({ text: el.textContent.trim().slice(0, 40), pt: parseFloat(getComputedStyle(el).fontSize) * 0.75, foot: !!el.closest(".slide-foot") });
      }
      return out;
    });
    assert.ok(sizes.length > 20, `${name}: ${sizes.length} text elements`);
    for (const s of sizes) assert.ok(s.pt >= FLOOR_PT - 0.05, `${name}: "${s.text}" prints at ${s.pt.toFixed(1)} pt`);
    // The figure is the slides' own text; their footers print at 7 pt by design.
    if (!name.startsWith("example")) smallest = Math.min(smallest, ...sizes.filter((s) => !s.foot).map((s) => s.pt));
    const file = join(pdfDir, `${name}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true });
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    if (!name.startsWith("example")) for (let i = 1; i <= 100; i++) assert.ok(text.includes(`Klinik ${i} i `), `${name}: bullet ${i} not printed`);
    await page.emulateMedia({ media: "screen" });
    if (name === "handout-3") await screenshot(page, "material-handout-3");
  }
  console.log(`# densest slide in print: smallest text ${smallest.toFixed(1)} pt`);
  await page.close();
});

/** In print media: the fullest sheet's slides against its printable area (the sheet inside its
    margins, where its header, slides and page number print), and the smallest text in any
    slide printed as a thumbnail, in pt. */
const handoutFill = (page) => page.evaluate(() => {
  const sheets = [...document.querySelectorAll(".handout .sheet")];
  const slidesOf = (s) => s.querySelectorAll(".handout-item:not(.as-outline) .slide-box");
  const sheet = sheets.reduce((a, b) => (slidesOf(b).length > slidesOf(a).length ? b : a));
  const r = sheet.getBoundingClientRect(), cs = getComputedStyle(sheet);
  const printable = (r.width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight))
    * (r.height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom));
  const boxes = [...slidesOf(sheet)].map((b) => b.getBoundingClientRect());
  // Every element with text of its own; the slide's footer prints at 7 pt by design, so the
  // slide's own text is reported apart.
  let smallest = { pt: Infinity, text: "" }, content = Infinity;
  for (const el of document.querySelectorAll(".handout-item:not(.as-outline) .slide-box *")) {
    if (!el.offsetParent || ![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) continue;
    const pt = parseFloat(getComputedStyle(el).fontSize) * 0.75;
    if (pt < smallest.pt) smallest = { pt, text: `${el.tagName} "${el.textContent.trim().slice(0, 30)}"` };
    if (el.closest(".slide-content")) content = Math.min(content, pt);
  }
  const mm = 96 / 25.4;
  return { slides: boxes.length, sheets: sheets.length, cover: boxes.reduce((a, b) => a + b.width * b.height, 0) / printable,
    width: boxes[0].width / mm, landscape: r.width > r.height, smallest, content };
});

test("handouts fill the sheet: at 4 and 6 per page the slides cover 75 % of the printable area, no thumbnail text under 7 pt", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const EXAMPLE = "2024/nyt-fra-bestyrelsen-efteraar-2024/handout/";
  for (const [base, url, name] of [[example, EXAMPLE, "example"], [server, DECK + "handout/", "fixture"]]) {
    for (const per of [1, 2, 3, 4, 6]) {
      await page.goto(`${base.url}${url}?per-page=${per}`);
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      const m = await handoutFill(page);
      const where = `${name} at ${per} per page`;
      console.log(`# ${where}: ${m.slides} slides ${m.width.toFixed(0)} mm wide cover ${(m.cover * 100).toFixed(1)} % of the printable area; smallest slide text ${m.content.toFixed(1)} pt`);
      assert.ok(m.smallest.pt >= FLOOR_PT - 0.05, `${where}: ${m.smallest.text} prints at ${m.smallest.pt.toFixed(2)} pt`);
      assert.equal(m.landscape, per >= 4, `${where}: the sheet's orientation`);
      if (name === "example") {
        assert.equal(m.slides, per, `${where}: a full sheet`);
        if (per >= 4) assert.ok(m.cover >= 0.75, `${where}: the slides cover ${(m.cover * 100).toFixed(1)} %`);
      }
      // The PDF has one A4 page per sheet, turned the way the sheets are.
      const file = join(pdfDir, `fill-${name}-${per}.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true });
      const info = execFileSync("pdfinfo", [file]).toString();
      const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
      assert.equal(Number(w) > Number(h), per >= 4, `${where}: PDF page ${w}×${h} pt`);
      assert.ok(Math.abs(Math.max(w, h) - 841.9) < 1 && Math.abs(Math.min(w, h) - 595) < 1, `${where}: not A4`);
      if (name === "example") assert.equal(Number(info.match(/Pages:\s+(\d+)/)[1]), m.sheets, `${where}: a sheet spilled onto another page`);
      await page.emulateMedia({ media: "screen" });
    }
  }
  // Back to 3 per page from 6: upright again.
  await page.goto(`${example.url}${EXAMPLE}?per-page=6`);
  await page.locator('#per-page-form input[value="3"]').check();
  await page.emulateMedia({ media: "print" });
  assert.equal((await handoutFill(page)).landscape, false);
  const file = join(pdfDir, "fill-switched-3.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true });
  const [, w, h] = execFileSync("pdfinfo", [file]).toString().match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  assert.ok(Number(w) < Number(h), `3 per page after 6: PDF page ${w}×${h} pt`);
  await page.close();
});

/** For every heading matching `selector`: the parts of its words (split at spaces and soft
    hyphens) that the browser broke across lines; none means words break only at joints. */
const brokenParts = (page, selector) => page.evaluate((sel) => {
  const out = [];
  for (const h of document.querySelectorAll(sel)) {
    if (!h.offsetParent && getComputedStyle(h).position !== "fixed") continue;
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\s\u00ad]+/g;
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        // Chromium counts the drawn hyphen of a soft hyphen in the next part's first rectangle.
        const em = parseFloat(getComputedStyle(h).fontSize);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0.5 * em).map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    const r = h.getBoundingClientRect();
    if (h.scrollWidth > h.clientWidth + 1 || r.right > document.documentElement.clientWidth + 1) out.push(`overflow: ${h.textContent}`);
  }
  return out;
}, selector);

test("long compounds in headings break at their joints, with a hyphen, on a phone and a projector", async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const [base, url] of [[server, "2024/vagtlaegeudvalgets-beretning-2024/"], [example, "2024/uddannelsesudvalgets-beretning-2024/"],
    [server, MEETING]]) {
    await phone.goto(base.url + url);
    const title = await phone.locator("h1").first().evaluate((h) => h.innerHTML);
    assert.match(title, /\u00ad/, `${url}: no soft hyphen in "${title}"`);
    assert.deepEqual(await brokenParts(phone, "h1, .prose h2, .prose h3"), [], url);
  }
  await screenshot(phone, "material-heading-390");
  await phone.goto(example.url + "2024/uddannelsesudvalgets-beretning-2024/");
  await screenshot(phone, "material-example-heading-390");
  await phone.close();
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 390, height: 844 }]) {
    const page = await browser.newPage({ viewport });
    await page.goto(example.url + "2024/medlemsundersoegelsen-2024/slides/#1");
    assert.deepEqual(await brokenParts(page, ".slide.current h1, .slide.current h2"), [], `title slide at ${viewport.width}`);
    await screenshot(page, `material-title-medlemsundersoegelsen-${viewport.width}`);
    await page.close();
  }
});

test("the printed pack follows the programme without document: links, and a closing keeps its name", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + MEETING + "pack/");
  const file = join(pdfDir, "pack-order.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true });
  const text = execFileSync("pdftotext", [file, "-"]).toString();
  const pages = text.split("\f");
  const flat = text.replace(/\s+/g, " ");
  const titles = ["Nyt fra bestyrelsen – efterårsmødet 2025", "Vagtlægeudvalget: status efteråret 2025", "Kredsens beretning 2025",
    "Årsregnskab 2024 og budget 2026", "Ikke på programmet", "Nyhedsbrev oktober 2025"];
  // Each document's first page has its number and title in the running footer: find them in order.
  let from = 0;
  for (const [i, t] of titles.filter((t) => t !== "Ikke på programmet").entries()) {
    const at = pages.findIndex((p, k) => k >= from && p.replace(/\s+/g, " ").includes(`${i + 1}. ${t}`) && !p.includes("Indhold"));
    assert.ok(at >= from, `"${t}" not printed after page ${from + 1}`);
    from = at;
  }
  // The table of contents says which documents were not on the programme.
  let at = 0;
  for (const t of titles) { const next = flat.indexOf(t, at); assert.ok(next >= 0, `contents: "${t}"`); at = next; }
  // "Med venlig hilsen" and the name under it print on the same page.
  const closing = pages.find((p) => p.includes("Med venlig hilsen") && p.includes("Kredsens beretning"));
  assert.ok(closing && /Med venlig hilsen\s+Ditte Kjærgaard Holm/.test(closing), "closing split from its name");
  await page.close();
});

test("the meeting page: description first, documents in programme order, the rest apart", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + MEETING);
  const titles = (await page.locator(".meeting-documents .entry-title").allInnerTexts()).map((t) => t.replace(/\u00ad/g, ""));
  assert.deepEqual(titles, ["Nyt fra bestyrelsen – efterårsmødet 2025", "Vagtlægeudvalget: status efteråret 2025", "Kredsens beretning 2025",
    "Årsregnskab 2024 og budget 2026", "Nyhedsbrev oktober 2025"]);
  assert.equal(await page.locator(".meeting-documents h3.off-programme").innerText(), "IKKE PÅ PROGRAMMET");
  const y = async (sel) => (await page.locator(sel).first().boundingBox()).y;
  assert.ok(await y(".meeting-description") < await y(".programme-section"), "description before programme");
  await screenshot(page, "material-meeting-1280");
  await page.close();
});

test("a 4-column accounts table fits a 390 px phone with no sideways scroll", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + "2025/regnskab-2024-budget-2026/");
  const m = await page.evaluate(() => {
    const wrap = document.querySelector(".table-wrap");
    const w = wrap.getBoundingClientRect();
    const heads = [...wrap.querySelectorAll("th")].map((th) => { const r = th.getBoundingClientRect(); return { text: th.textContent, inside: r.left >= w.left - 1 && r.right <= w.right + 1 }; });
    const cells = [...wrap.querySelectorAll("td")].map((td) => { const r = td.getBoundingClientRect(); return r.right <= w.right + 1; });
    return { scroll: wrap.scrollWidth - wrap.clientWidth, page: document.documentElement.scrollWidth, heads, cells: cells.every(Boolean) };
  });
  assert.equal(m.scroll <= 1, true, `the table scrolls ${m.scroll}px sideways`);
  assert.ok(m.page <= 390, `the page is ${m.page}px wide`);
  assert.deepEqual(m.heads.filter((h) => !h.inside), [], "every column header is on screen");
  assert.ok(m.cells, "every cell is on screen");
  await screenshot(page, "material-accounts-390");
  await page.close();
});

/** The wide-table cue of each table on the page: the edges' --more-left/--more-right, the mask's
    opacity at the right edge, the sticky column's shadow, the line naming the columns off
    screen, and which header cells lie more than half outside the visible box. */
const tableCues = (page) => page.evaluate(() => [...document.querySelectorAll(".table-wrap")].map((wrap) => {
  const cs = getComputedStyle(wrap);
  const alphas = [...cs.maskImage.matchAll(/rgba?\(([^)]*)\)/g)].map((m) => { const p = m[1].split(/[\s,/]+/).filter(Boolean); return p.length > 3 ? Number(p[3]) : 1; });
  const first = wrap.querySelector("tr > :first-child");
  const box = wrap.getBoundingClientRect();
  const from = getComputedStyle(first).position === "sticky" ? first.getBoundingClientRect().right : box.left;
  const heads = [...wrap.querySelector("tr").cells].slice(1).map((c) => ({ text: c.textContent.trim(), r: c.getBoundingClientRect() }));
  const hint = wrap.nextElementSibling?.classList.contains("table-more") ? wrap.nextElementSibling : null;
  return {
    columns: heads.length + 1, scroll: wrap.scrollWidth - wrap.clientWidth,
    left: Number(cs.getPropertyValue("--more-left")), right: Number(cs.getPropertyValue("--more-right")),
    rightEdgeAlpha: alphas.length ? alphas[alphas.length - 1] : 1,
    shadow: Number(getComputedStyle(first, "::after").opacity || 0) * (getComputedStyle(first, "::after").content === "none" ? 0 : 1),
    offRight: heads.filter((h) => h.r.left + h.r.width / 2 > box.right).map((h) => h.text),
    offLeft: heads.filter((h) => h.r.left + h.r.width / 2 < from).map((h) => h.text),
    hint: hint && !hint.hidden ? hint.textContent : "",
  };
}));

test("a table wider than a 390 px phone shows which columns are off screen; one that fits shows nothing", async () => {
  const URL = server.url + "2025/regnskab-2024-budget-2026/";
  // Without JavaScript the edges fade by a scroll-driven animation alone; with it, a line names
  // the columns off screen and follows the scrolling.
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(URL);
    const how = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
    let [fits, wide] = await tableCues(page);
    // The 4-column accounts table fits: no scrolling, no cue.
    assert.equal(fits.columns, 4);
    assert.ok(fits.scroll <= 1, `the 4-column table scrolls ${fits.scroll}px`);
    assert.deepEqual([fits.left, fits.right, fits.rightEdgeAlpha, fits.shadow, fits.hint], [0, 0, 1, 0, ""], `${how}: a cue on a table that fits`);
    // The 6-column one scrolls: its right edge fades while columns lie beyond it.
    assert.equal(wide.columns, 6);
    assert.ok(wide.scroll > 50, `the 6-column table scrolls only ${wide.scroll}px`);
    assert.ok(wide.offRight.length >= 2, `off screen: ${wide.offRight}`);
    assert.equal(wide.right, 1, `${how}: no cue at the right edge`);
    assert.ok(wide.rightEdgeAlpha < 0.3, `${how}: the right edge is ${wide.rightEdgeAlpha} opaque`);
    assert.equal(wide.shadow, 0, `${how}: a shadow before anything scrolled under the first column`);
    if (javaScriptEnabled) assert.equal(wide.hint, `${wide.offRight.join(" · ")} →`);
    else assert.equal(wide.hint, "");
    if (javaScriptEnabled) await screenshot(page, "material-wide-table-390");
    // Scrolled to the end: nothing more to the right, the columns passed are named on the left.
    await page.locator(".table-wrap").nth(1).evaluate((e) => { e.scrollLeft = e.scrollWidth; });
    await page.waitForTimeout(150);
    [fits, wide] = await tableCues(page);
    assert.deepEqual(wide.offRight, []);
    assert.ok(wide.offLeft.length >= 2, `scrolled past: ${wide.offLeft}`);
    assert.deepEqual([wide.left, wide.right, wide.rightEdgeAlpha], [1, 0, 1], `${how}: the edges at the end`);
    assert.equal(wide.shadow, 1, `${how}: no shadow beside the sticky first column`);
    if (javaScriptEnabled) assert.equal(wide.hint, `← ${wide.offLeft.join(" · ")}`);
    if (javaScriptEnabled) await screenshot(page, "material-wide-table-390-end");
    // Focused from the keyboard, the edge does not fade, so nothing hides the focus ring.
    await page.keyboard.press("Shift+Tab");
    await page.locator(".table-wrap").nth(1).focus();
    assert.equal(await page.locator(".table-wrap").nth(1).evaluate((e) => e.matches(":focus-visible") && getComputedStyle(e).maskImage), "none");
    await context.close();
  }
});


test("the meeting page on a desktop ends after its programme with the space every page has", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const gapAfter = (selector) => page.evaluate((sel) => {
    const last = [...document.querySelectorAll(sel)].filter((e) => e.offsetParent).reduce((m, e) => Math.max(m, e.getBoundingClientRect().bottom), 0);
    return document.querySelector(".site-footer").getBoundingClientRect().top - last;
  }, selector);
  await page.goto(server.url + "2025/kredsens-beretning-2025/");
  const usual = await gapAfter(".doc-body");
  for (const url of [server.url + MEETING, example.url + "2024/efteraarsmoede-2024/"]) {
    await page.goto(url);
    const gap = await gapAfter(".programme li, .meeting-aside .entry");
    assert.ok(gap <= usual + 2, `${url}: ${gap.toFixed(0)} px after the programme, ${usual.toFixed(0)} px after a document`);
  }
  await page.close();
});

test("the printed pack opens with the meeting's own words, then the contents, and the programme whole on one page", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + MEETING + "pack/");
  const file = join(pdfDir, "pack-cover.pdf");
  await page.pdf({ path: file, preferCSSPageSize: true });
  const pages = execFileSync("pdftotext", [file, "-"]).toString().split("\f").map((p) => p.replace(/\s+/g, " "));
  const first = pages[0];
  const at = (s) => { const i = first.indexOf(s); assert.ok(i >= 0, `"${s}" not on the first page: ${first}`); return i; };
  assert.ok(at("Bestyrelsen inviterer alle praktiserende læger") < at("Indhold"), "the description before the contents");
  assert.ok(at("Tilmelding sker til sekretariatet") < at("Indhold"), "the whole description on the cover");
  const times = ["18:00", "18:10", "18:50", "19:00", "19:20", "19:35", "20:30", "20:55"];
  const holding = pages.findIndex((p) => p.includes("Eventuelt og afslutning") && p.includes("18:00"));
  assert.ok(holding >= 0, "the programme is cut across pages");
  for (const t of times) assert.ok(pages[holding].includes(t), `${t} not with the rest of the programme`);
  // Headings never skip a level, the description's own included (the Nu checker's rule).
  for (const url of [server.url + MEETING + "pack/", example.url + "2024/efteraarsmoede-2024/pack/"]) {
    await page.goto(url);
    const levels = await page.evaluate(() => [...document.querySelectorAll("main :is(h1, h2, h3, h4, h5, h6)")].map((h) => Number(h.tagName[1])));
    levels.forEach((l, i) => assert.ok(i === 0 || l <= levels[i - 1] + 1, `${url}: h${l} after h${levels[i - 1]}`));
  }
  await page.close();
});
