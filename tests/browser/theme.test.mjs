// The default theme in a real browser: how the four kinds of page look on a phone and a
// desktop, how a long report prints on A4, accessibility (axe-core, headings, skip link),
// phone widths, the home page's weight, and English interface text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { arkivBin, axeViolations, buildSite, launchBrowser, screenshot, screenshotDir, serveStatic } from "./harness.mjs";

const SITE_TITLE = "Sønderjysk Forening for Praktiserende Fysioterapeuter";
const PAGES = {
  home: "",
  list: "kinds/chairman-report/",
  report: "2024/formandens-beretning-2024/",
  meeting: "2025/generalforsamling-2025/",
};
const ACCOUNTS = "2025/regnskab-2024/";

let site, server, browser, tmp;
before(async () => {
  site = buildSite(undefined, "theme");
  server = await serveStatic(site, "/forening/arkiv/");
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), "arkiv-theme-"));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(path, width = 1280, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  const response = await page.goto(server.url + path);
  assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  await page.waitForLoadState("load");
  return page;
}

/** Headings in document order, as [level, text]. */
function headingsOf(page) {
  return page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .map((h) => [Number(h.tagName[1]), h.textContent.trim()]));
}

function pdfPages(file) {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", file], { encoding: "utf8" });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

function pdfText(file, pageNo) {
  const args = pageNo ? ["-layout", "-f", String(pageNo), "-l", String(pageNo), file, "-"] : ["-layout", file, "-"];
  return execFileSync("pdftotext", args, { encoding: "utf8" });
}

async function printPdf(path, name) {
  const page = await open(path);
  await page.emulateMedia({ media: "print" });
  const file = join(screenshotDir, `${name}.pdf`);
  mkdirSync(screenshotDir, { recursive: true });
  await page.pdf({ path: file, format: "A4", preferCSSPageSize: true, printBackground: true });
  await page.close();
  return file;
}

for (const width of [390, 1280]) {
  test(`screenshots at ${width} px: home, list, long report and meeting`, async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await open(path, width);
      const file = await screenshot(page, `theme-${name}-${width}`);
      assert.ok(statSync(file).size > 10_000, `${file} looks empty`);
      // The association's name is in the header on every page, the page has one h1.
      assert.equal((await page.locator(".site-header .brand").innerText()).includes(SITE_TITLE), true);
      assert.equal(await page.locator("h1").count(), 1, `${name} has one h1`);
      await page.close();
    }
  });
}

test("the home page answers what is new: latest documents, meeting with programme, kinds, search", async () => {
  const page = await open(PAGES.home);
  const latest = page.locator(".home-latest .entry");
  assert.ok(await latest.count() >= 5, "at least five latest documents");
  const dates = await page.locator(".home-latest .entry time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
  assert.ok(await page.locator(".meeting-panel .programme li").count() >= 3, "the featured meeting shows its programme");
  const tiles = await page.locator(".tiles a").allInnerTexts();
  for (const label of ["Formandsberetninger", "Udvalgsberetninger", "Nyhedsbreve", "Slides", "Regnskaber", "Møder"]) {
    assert.ok(tiles.some((t) => t.startsWith(label)), `quick link to ${label}`);
  }
  await page.locator("#hero-search").fill("ydernumre");
  assert.equal(await page.locator("form.search-hero").getAttribute("action"), "search/");
  assert.equal(await page.locator("#site-search").getAttribute("name"), "q");
  await page.close();
});

test("a long report: measure of 60-75 characters, table of contents beside the text on a desktop and folded on a phone", async () => {
  const page = await open(PAGES.report, 1280);
  // Count the characters on the first full line of the first long paragraph.
  const perLine = await page.evaluate(() => {
    const p = [...document.querySelectorAll(".prose p")].find((x) => x.textContent.length > 400);
    const text = p.firstChild;
    const range = document.createRange();
    let top = null;
    for (let i = 0; i < text.length; i++) {
      range.setStart(text, i); range.setEnd(text, i + 1);
      const r = range.getClientRects()[0];
      if (!r) continue;
      if (top === null) top = r.top;
      else if (r.top > top + 2) return i;
    }
    return text.length;
  });
  assert.ok(perLine >= 60 && perLine <= 78, `first line has ${perLine} characters`);
  const lineHeight = await page.locator(".prose p").first().evaluate((p) => parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize));
  assert.ok(lineHeight >= 1.5, `line height ${lineHeight}`);
  const toc = await page.locator(".toc").boundingBox();
  const prose = await page.locator(".prose").boundingBox();
  assert.ok(toc.x >= prose.x + prose.width, "the contents stand to the right of the text");
  assert.equal(await page.locator(".toc details").evaluate((d) => d.open), true);
  assert.equal(await page.locator(".toc details").evaluate((d) => getComputedStyle(d).position), "sticky");
  assert.ok(await page.locator(".toc a").count() >= 5);
  // Previous/next of the same kind and the other documents of the same meeting.
  assert.ok(await page.locator(".prev-next a").count() >= 1);
  assert.ok(await page.locator(".siblings li").count() >= 1);
  await page.close();

  const phone = await open(PAGES.report, 390);
  assert.equal(await phone.locator(".toc details").evaluate((d) => d.open), false, "folded on a phone");
  const tocBox = await phone.locator(".toc").boundingBox();
  const proseBox = await phone.locator(".prose").boundingBox();
  assert.ok(tocBox.y < proseBox.y, "the contents come before the text on a phone");
  await phone.locator(".toc summary").click();
  assert.equal(await phone.locator(".toc details").evaluate((d) => d.open), true);
  await phone.close();
});

test("a long report prints on A4 with a header, link addresses and no navigation", async () => {
  const file = await printPdf(PAGES.report, "theme-report-print");
  const sizes = pdfPages(file);
  assert.ok(sizes.length >= 2, `report prints on ${sizes.length} pages`);
  for (const [w, h] of sizes) {
    assert.ok(Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2, `page is ${w} x ${h} pts, not A4`);
  }
  const all = pdfText(file);
  for (const word of ["Gå til indhold", "Søg i arkivet", "Nyhedsfeed", "Foreningens arkiv", "Forside", "Hovedmenu", "Forrige", "Næste ·"]) {
    assert.ok(!all.includes(word), `printed report contains navigation text "${word}"`);
  }
  const first = pdfText(file, 1).trim().split("\n").slice(0, 3).join(" ");
  assert.match(first, /Sønderjysk Forening for Praktiserende Fysioterapeuter/);
  assert.match(first, /Formandens beretning 2024/);
  assert.match(first, /18\. april 2024/);
  // Later pages carry the running head in the page margin.
  const second = pdfText(file, 2).trim().split("\n")[0];
  assert.match(second, /Sønderjysk Forening.*Formandens beretning 2024/);
  const flat = all.replace(/\s+/g, "");
  assert.ok(flat.includes("(https://www.regioner.example/media/praksisplan-fysioterapi-2024-2027-udkast.pdf)"), "external link address printed after its text");
  // Internal links print their full address too, not a relative path: the published one,
  // from the page's canonical address (the example site sets base_url).
  assert.ok(flat.includes("(https://arkiv.sfpf.example/2024/regnskab-2023-budget-2024/)"), "internal link address printed");
});

test("a meeting page prints as its programme", async () => {
  const file = await printPdf(PAGES.meeting, "theme-meeting-print");
  for (const [w, h] of pdfPages(file)) assert.ok(Math.abs(w - 595) < 2 && Math.abs(h - 842) < 2);
  const first = pdfText(file, 1);
  assert.match(first, /Ordinær generalforsamling 2025/);
  assert.match(first, /Program/);
  for (const time of ["17:30", "18:35", "20:45"]) assert.ok(first.includes(time), `programme time ${time} on page 1`);
  assert.match(first, /Hotel Dampen, Haderslev/);
  assert.ok(!pdfText(file).includes("Nyhedsfeed"));
});

test("axe-core finds no WCAG 2.1 AA violation on the four pages, at phone and desktop widths", async () => {
  for (const width of [390, 1280]) {
    for (const [name, path] of Object.entries(PAGES)) {
      const page = await open(path, width);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${name} at ${width}px: ${JSON.stringify(violations, null, 1)}`);
      await page.close();
    }
  }
});

test("headings go down one level at a time, and the skip link leads to the content", async () => {
  for (const [name, path] of Object.entries({ ...PAGES, archive: "archive/", meetings: "meetings/", accounts: ACCOUNTS })) {
    const page = await open(path);
    const headings = await headingsOf(page);
    assert.equal(headings[0][0], 1, `${name} starts with h1`);
    for (let i = 1; i < headings.length; i++) {
      assert.ok(headings[i][0] <= headings[i - 1][0] + 1, `${name}: "${headings[i][1]}" (h${headings[i][0]}) follows h${headings[i - 1][0]}`);
    }
    await page.close();
  }
  const page = await open(PAGES.report);
  await page.keyboard.press("Tab");
  const skip = page.locator(":focus");
  assert.equal(await skip.getAttribute("class"), "skip-link");
  const box = await skip.boundingBox();
  assert.ok(box.y >= 0 && box.height > 10, "the skip link shows when focused");
  const outline = await skip.evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, "none", "focus is visible");
  await page.keyboard.press("Enter");
  // Following the link is a navigation within the page, which Chromium may report a moment
  // after the key press: wait for it (a link that leads nowhere still fails, after 5 s).
  await page.waitForURL(/#main$/, { timeout: 5000 });
  assert.match(page.url(), /#main$/);
  await page.close();
});

test("at 390 px no page scrolls sideways; tables scroll inside their box with right-aligned tabular numbers", async () => {
  for (const path of [...Object.values(PAGES), ACCOUNTS, "archive/", "meetings/", "archive/2025/"]) {
    const page = await open(path, 390, 844);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${path || "home"} is ${width}px wide at 390px`);
    await page.close();
  }
  const page = await open(ACCOUNTS, 390, 844);
  const tables = await page.locator(".table-wrap").evaluateAll((ws) => ws.map((w) => ({
    box: w.getBoundingClientRect().right, client: w.clientWidth, scroll: w.scrollWidth, overflow: getComputedStyle(w).overflowX,
  })));
  assert.ok(tables.length >= 2);
  assert.ok(tables.some((t) => t.scroll > t.client), "the accounts table is wider than the phone and scrolls");
  for (const t of tables) {
    assert.ok(t.box <= 390, "the table box stays on screen");
    assert.equal(t.overflow, "auto");
  }
  const cell = page.locator(".table-wrap tbody tr").first().locator("td").nth(1);
  assert.match(await cell.innerText(), /^[\d.]+$/);
  assert.equal(await cell.evaluate((c) => getComputedStyle(c).textAlign), "right");
  assert.match(await cell.evaluate((c) => getComputedStyle(c).fontVariantNumeric), /tabular-nums/);
  await page.close();
});

test("the home page's HTML, CSS and JavaScript weigh under 50 KB before compression", () => {
  // The page, the stylesheets it links (arkiv.css and its page type's files) and its script.
  const sheets = [...readFileSync(join(site, "index.html"), "utf8").matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(sheets.includes("static/arkiv.css"), sheets.join(" "));
  const files = ["index.html", ...sheets, "static/arkiv.js"].map((f) => join(site, f));
  const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(`home page weight: ${total} bytes (${files.map((f) => `${f.split("/").pop()} ${statSync(f).size}`).join(", ")})`);
  assert.ok(total < 50 * 1024, `home page is ${total} bytes`);
  // Nothing is fetched from the network at view time.
  // The canonical address and Open Graph tags name the published site; nothing fetches them.
  const html = readFileSync(files[0], "utf8").replace(/<link rel="canonical"[^>]*>/, "") + sheets.map((f) => readFileSync(join(site, f), "utf8")).join("");
  assert.ok(!/(src|href)="(https?:)?\/\//.test(html) && !/url\((https?:)?\/\//.test(html), "no external resource");
});

test("pages load nothing from the network, work under a sub-path and from disk, and raise no script error", async () => {
  const urls = [...Object.values(PAGES).map((p) => server.url + p), pathToFileURL(join(site, PAGES.report, "index.html")).href];
  for (const url of urls) {
    const page = await browser.newPage();
    const requested = [];
    const errors = [];
    page.on("request", (r) => requested.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(url);
    await page.waitForLoadState("load");
    assert.ok(requested.length >= 3, `${url} loaded its CSS and JavaScript`);
    const origin = url.startsWith("file:") ? "file://" : server.url;
    for (const u of requested) assert.ok(u.startsWith(origin), `${url} fetched ${u}`);
    assert.deepEqual(errors, [], `${url} raised script errors`);
    assert.equal(await page.locator(".site-header").evaluate((h) => getComputedStyle(h).borderTopWidth), "4px", `${url}: the theme's CSS applied`);
    await page.close();
  }
});

function writeSite(dir, language) {
  const files = {
    "site.yaml": `title: Northern Society of Physiotherapists\nbase_url: https://archive.example.org/\nlanguage: ${language}\ndescription: Reports and meeting papers.\n`,
    "content/2025/chair-report-2025.md": "---\ntitle: Chair's report 2025\ndate: 2025-03-14\nkind: chairman-report\nmeeting: annual-meeting-2025\nsummary: The year in brief.\n---\n\n## Beginning\n\nText.\n\n## Middle\n\nMore text.\n\n## End\n\nThe end.\n",
    "content/2024/chair-report-2024.md": "---\ntitle: Chair's report 2024\ndate: 2024-03-15\nkind: chairman-report\n---\n\nLast year.\n",
    "content/2025/newsletter-march-2025.md": "---\ntitle: Newsletter March 2025\ndate: 2025-03-01\nkind: newsletter\nmeeting: annual-meeting-2025\n---\n\nNews.\n",
    "content/2025/annual-meeting-2025/index.md": "---\ntitle: Annual meeting 2025\ndate: 2025-03-14\nkind: meeting\nplace: Town Hall\nprogramme:\n  - time: \"18:00\"\n    title: Chair's report\n    document: chair-report-2025\n---\n\nWelcome.\n",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

test("interface text follows site.yaml's language: English words and dates with language en", async () => {
  const src = join(tmp, "en-site");
  const out = join(tmp, "en-out");
  writeSite(src, "en");
  execFileSync(arkivBin(), ["build", src, "--output", out], { stdio: ["ignore", "ignore", "pipe"] });
  // Apostrophes may be written as an entity (&#39; or &#x27;) or as they are.
  const home = readFileSync(join(out, "index.html"), "utf8").replace(/&#(39|x27);/g, "'");
  assert.match(home, /<html lang="?en"?>/);
  for (const words of ["Latest documents", "Skip to content", "Search the archive", "Chairman's reports", "Meetings", "14 March 2025"]) {
    assert.ok(home.includes(words), `English home page has "${words}"`);
  }
  for (const danish of ["Nyeste", "Søg", "Gå til indhold", "marts"]) assert.ok(!home.includes(danish), `English home page has Danish "${danish}"`);
  const doc = readFileSync(join(out, "2025", "chair-report-2025", "index.html"), "utf8");
  assert.match(doc, /Contents/);
  assert.match(doc, /Documents of the meeting/);
  assert.match(doc, /14 March 2025/);
  assert.match(doc, /Previous · 15 Mar 2024/);
  const meeting = readFileSync(join(out, "2025", "annual-meeting-2025", "index.html"), "utf8");
  assert.match(meeting, /Programme/);
  assert.match(meeting, /Town Hall/);

  const daSrc = join(tmp, "da-site");
  const daOut = join(tmp, "da-out");
  writeSite(daSrc, "da");
  execFileSync(arkivBin(), ["build", daSrc, "--output", daOut], { stdio: ["ignore", "ignore", "pipe"] });
  const daHome = readFileSync(join(daOut, "index.html"), "utf8");
  assert.match(daHome, /<html lang="?da"?>/);
  assert.match(daHome, /Nyeste dokumenter/);
  assert.match(daHome, /14\. marts 2025/);
  assert.ok(!daHome.includes("Latest documents"));
});
