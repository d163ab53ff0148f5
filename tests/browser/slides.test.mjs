// Slide decks in a real browser: the presentation and its speaker view, the printed handout
// and the printed meeting pack, over HTTP under a sub-path and straight from disk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSite, serveStatic, launchBrowser, axeViolations, screenshot, repoRoot } from "./harness.mjs";

const DECK = "2024/nyt-fra-bestyrelsen-efteraar-2024/";
const DECK_TITLES = [
  "Velkommen til efterårsmødet 2024", "Aftenens program", "Overenskomsten: forhandlingerne er i gang",
  "Praksisplanen: de første ydernumre", "Vederlagsfri fysioterapi: ventetider", "Sundhedsreformen: hvad ved vi?",
  "Digitale henvisninger fra 2025", "Kontrolsager og statistik", "Rekruttering: studerende og mentorer",
  "Økonomi: forventet resultat 2024", "Kommende aktiviteter", "Spørgsmål og debat",
];
// The first words of each slide of DECK, as they print.
const SLIDE_STARTS = ["Velkommen til", "Aftenens program", "Overenskomsten: forhandlingerne", "Praksisplanen: de første",
  "Vederlagsfri fysioterapi: ventetider", "Sundhedsreformen: hvad ved vi?", "Digitale henvisninger fra 2025",
  "Kontrolsager og statistik", "Rekruttering: studerende", "Økonomi: forventet resultat 2024", "Kommende aktiviteter",
  "Spørgsmål og debat"];
const DECKS = [DECK, "2025/generalforsamling-2025-praesentation/", "2024/medlemsundersoegelsen-2024/"];
const pdfDir = join(repoRoot, "target", "slides-pdf");

let site, server, browser;
before(async () => {
  site = buildSite(repoRoot, "slides");
  server = await serveStatic(site, "/forening/");
  browser = await launchBrowser();
  mkdirSync(pdfDir, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

async function shown(page) {
  return page.evaluate(() => {
    const current = document.querySelectorAll(".stage > .slide.current");
    return { count: current.length, number: current[0] && Number(current[0].dataset.number), hash: location.hash,
      counter: document.getElementById("deck-counter").textContent.trim() };
  });
}

test("keys change the slide and the URL; #5 opens slide 5", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + DECK + "slides/");
  assert.deepEqual(await shown(page), { count: 1, number: 1, hash: "#1", counter: "1 / 12" });
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await shown(page), { count: 1, number: 2, hash: "#2", counter: "2 / 12" });
  await page.keyboard.press("Space");
  assert.equal((await shown(page)).number, 3);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("ArrowDown");
  assert.equal((await shown(page)).hash, "#5");
  await page.keyboard.press("ArrowLeft");
  assert.equal((await shown(page)).hash, "#4");
  await page.keyboard.press("End");
  assert.deepEqual(await shown(page), { count: 1, number: 12, hash: "#12", counter: "12 / 12" });
  await page.keyboard.press("ArrowRight");
  assert.equal((await shown(page)).number, 12, "no slide after the last");
  await page.keyboard.press("Home");
  assert.equal((await shown(page)).hash, "#1");
  await page.keyboard.press("ArrowLeft");
  assert.equal((await shown(page)).number, 1, "no slide before the first");
  await page.keyboard.type("10");
  await page.keyboard.press("Enter");
  assert.equal((await shown(page)).hash, "#10");
  // The notes overlay shows the current slide's notes.
  await page.keyboard.press("n");
  assert.match(await page.locator("#notes-overlay").innerText(), /Søren Aagaard Nissen tager dette punkt/);
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#notes-overlay").isHidden(), true);
  // Buttons do the same as keys.
  await page.getByRole("button", { name: "Næste slide" }).click();
  assert.equal((await shown(page)).hash, "#11");

  await page.goto(server.url + DECK + "slides/#5");
  assert.deepEqual(await shown(page), { count: 1, number: 5, hash: "#5", counter: "5 / 12" });
  assert.equal(await page.locator(".slide.current h2").innerText(), DECK_TITLES[4]);
  await page.evaluate(() => { location.hash = "#7"; });
  await page.waitForFunction(() => document.querySelector(".slide.current")?.dataset.number === "7");
  await screenshot(page, "slides-presentation-1280");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a swipe on a touch screen changes the slide", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url + DECK + "slides/#3");
  const swipe = (from, to) => page.evaluate(([a, b]) => {
    const stage = document.getElementById("stage");
    const touch = (x) => new Touch({ identifier: 1, target: stage, clientX: x, clientY: 400 });
    stage.dispatchEvent(new TouchEvent("touchstart", { touches: [touch(a)], changedTouches: [touch(a)], bubbles: true }));
    stage.dispatchEvent(new TouchEvent("touchend", { touches: [], changedTouches: [touch(b)], bubbles: true }));
  }, [from, to]);
  await swipe(300, 100);
  assert.equal((await shown(page)).hash, "#4");
  await swipe(100, 300);
  await swipe(100, 300);
  assert.equal((await shown(page)).hash, "#2");
  await screenshot(page, "slides-presentation-390");
  await context.close();
});

test("every slide of the example decks fits its 16:9 box, on a projector and a phone", async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 1024, height: 768 }, { width: 390, height: 844 }]) {
    const page = await browser.newPage({ viewport });
    for (const deck of DECKS) {
      await page.goto(server.url + deck + "slides/");
      const count = await page.locator(".stage > .slide").count();
      assert.ok(count >= 5, `${deck} has ${count} slides`);
      for (let n = 1; n <= count; n++) {
        if (n > 1) await page.keyboard.press("ArrowRight");
        const m = await page.evaluate(() => {
          const box = document.querySelector(".slide.current .slide-box");
          const content = box.querySelector(".slide-content");
          const r = box.getBoundingClientRect();
          return { w: r.width, h: r.height, sh: content.scrollHeight, ch: content.clientHeight, sw: content.scrollWidth, cw: content.clientWidth,
            overfull: box.classList.contains("overfull"), font: parseFloat(getComputedStyle(content).fontSize),
            inView: r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1 };
        });
        const where = `${deck}#${n} at ${viewport.width}x${viewport.height}`;
        assert.ok(m.sh <= m.ch + 1 && m.sw <= m.cw + 1 && !m.overfull, `${where} overflows: ${JSON.stringify(m)}`);
        assert.ok(m.inView, `${where} is not fully on screen: ${JSON.stringify(m)}`);
        if (viewport.width > viewport.height) {
          assert.ok(Math.abs(m.w / m.h - 16 / 9) < 0.02, `${where} is not 16:9: ${m.w}x${m.h}`);
          // Text large enough to read from the back of the room: at least 2.5% of the height.
          assert.ok(m.font >= 0.025 * m.h, `${where} text too small: ${m.font}px on ${m.h}px`);
        } else {
          assert.ok(m.font >= 13, `${where} text too small on a phone: ${m.font}px`);
        }
      }
    }
    await page.close();
  }
});

async function openSpeaker(page) {
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
  await popup.waitForLoadState();
  await popup.waitForFunction(() => document.body.classList.contains("speaker-mode"));
  return popup;
}
const speakerState = (popup) => popup.evaluate(() => ({
  hash: location.hash,
  current: document.querySelector("#speaker-current h1, #speaker-current h2")?.textContent,
  next: document.querySelector("#speaker-next h1, #speaker-next h2")?.textContent ?? document.querySelector("#speaker-next")?.textContent,
  notes: document.getElementById("speaker-notes").textContent.trim(),
  time: document.getElementById("speaker-time").textContent,
}));

for (const [name, url] of [["over http", () => server.url + DECK + "slides/#2"],
  ["from file://", () => pathToFileURL(join(site, DECK, "slides", "index.html")).href + "#2"]]) {
  test(`the speaker view follows the presentation and leads it (${name})`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url());
    const popup = await openSpeaker(page);
    await popup.setViewportSize({ width: 1200, height: 760 });
    let s = await speakerState(popup);
    assert.equal(s.hash, "#2");
    assert.equal(s.current, DECK_TITLES[1]);
    assert.equal(s.next, DECK_TITLES[2]);
    assert.match(s.notes, /færdige senest kl. 21/);
    assert.match(s.time, /^\d\d:\d\d$/);
    await page.bringToFront();
    await page.keyboard.press("ArrowRight");
    await popup.waitForFunction(() => location.hash === "#3");
    s = await speakerState(popup);
    assert.equal(s.current, DECK_TITLES[2]);
    assert.match(s.notes, /kravoplæg/);
    await popup.bringToFront();
    await popup.keyboard.press("End");
    await page.waitForFunction(() => location.hash === "#12");
    assert.equal((await shown(page)).number, 12);
    s = await speakerState(popup);
    assert.match(s.next, /Sidste slide/);
    // Quick presses arrive by three routes; the windows still end on the same slide.
    await page.bringToFront();
    await page.keyboard.press("Home");
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    await popup.waitForFunction(() => location.hash === "#7");
    await page.waitForTimeout(300);
    assert.equal((await speakerState(popup)).hash, "#7");
    assert.equal((await shown(page)).hash, "#7");
    // A click on the next slide in the speaker view moves both windows on.
    await popup.bringToFront();
    await popup.locator("#speaker-next .slide-box").click();
    await page.waitForFunction(() => location.hash === "#8");
    assert.equal((await speakerState(popup)).hash, "#8");
    if (name === "over http") await screenshot(popup, "slides-speaker-view");
    await popup.close();
    await page.close();
  });
}

// Decks shaped like real ones from association meetings: long bullet lists with sub-bullets,
// a programme with times and long items, a survey with many percentages, a wide budget
// table, a long link. Written here, not copied from anywhere.
function denseSite() {
  const dir = join(repoRoot, "target", "browser-sites-src", "dense");
  mkdirSync(join(dir, "content", "2025"), { recursive: true });
  writeFileSync(join(dir, "site.yaml"), "title: Foreningen af Praktiserende Terapeuter i Region Nord\nlanguage: da\n");
  const bullets = Array.from({ length: 9 }, (_, i) =>
    `- Punkt ${i + 1}: arbejdsgruppen har drøftet samarbejdet med kommunerne og regionen om de nye forløb${i % 3 === 0 ? "\n  - underpunkt om honorering og dokumentation af ydelserne\n  - underpunkt om tidsplan for udrulning i hele regionen" : ""}`).join("\n");
  const programme = ["18.00", "18.10", "18.40", "19.40", "20.00", "20.45", "20.55"].map((t, i) =>
    `Kl. ${t}      Oplæg nummer ${i + 1} om fremtidens praksis og samarbejdet på tværs v. formand og udvalgsformænd`).join("\n\n");
  const survey = Array.from({ length: 15 }, (_, i) => `- Mulighed ${i + 1} for at arbejde i et område med mangel på behandlere: ${(i * 7) % 73} %`).join("\n");
  const table = "| Post | Budget 2024 | Regnskab 2024 | Budget 2025 | Budget 2026 | Afvigelse |\n|:--|--:|--:|--:|--:|--:|\n" +
    Array.from({ length: 9 }, (_, i) => `| Udgiftspost nummer ${i + 1} til drift | ${100000 + i * 12345} | ${99000 + i * 12000} | ${101000 + i * 13000} | ${102000 + i * 13500} | ${i * 1234 - 4000} |`).join("\n");
  const deck = ["# Velkommen til regionsmødet\n\nForeningen af Praktiserende Terapeuter i Region Nord\n\nNote:\nByd velkommen.",
    "## Aftenens program\n\nOrdstyrer: næstformanden\n\n" + programme,
    "## Status på samarbejdet med regionen og kommunerne om de nye forløb\n\n" + bullets,
    "## Hvad får dig til at vælge et område med mangel på behandlere?\n\n" + survey,
    "## Budget\n\n" + table,
    "## Links\n\n- Vejledning: [https://www.region.example/media/vejledning-til-digitale-henvisninger-for-alle-klinikker-2025.pdf](https://www.region.example/media/vejledning-til-digitale-henvisninger-for-alle-klinikker-2025.pdf)",
    "## Tak for i aften"].join("\n\n---\n\n");
  writeFileSync(join(dir, "content", "2025", "taet.md"), `---\ntitle: Et tæt slideshow\ndate: 2025-10-01\nkind: slides\n---\n\n${deck}\n`);
  return buildSite(dir, "slides-dense");
}

test("dense slides shaped like real decks fit on screen and on paper", async () => {
  const dense = await serveStatic(denseSite(), "/");
  try {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      const page = await browser.newPage({ viewport });
      await page.goto(dense.url + "2025/taet/slides/");
      for (let n = 1; n <= 7; n++) {
        if (n > 1) await page.keyboard.press("ArrowRight");
        const m = await page.evaluate(() => {
          const box = document.querySelector(".slide.current .slide-box");
          const c = box.querySelector(".slide-content");
          return { sh: c.scrollHeight, ch: c.clientHeight, sw: c.scrollWidth, cw: c.clientWidth, overfull: box.classList.contains("overfull"),
            font: parseFloat(getComputedStyle(c).fontSize), h: box.getBoundingClientRect().height };
        });
        const where = `dense #${n} at ${viewport.width}`;
        assert.ok(m.sh <= m.ch + 1 && m.sw <= m.cw + 1 && !m.overfull, `${where}: ${JSON.stringify(m)}`);
        if (viewport.width > viewport.height) assert.ok(m.font >= 0.018 * m.h, `${where} text too small: ${JSON.stringify(m)}`);
        if (viewport.width === 1280 && [2, 3, 4, 5].includes(n)) await screenshot(page, `slides-dense-${n}`);
      }
      await page.close();
    }
    const page = await browser.newPage();
    await page.goto(dense.url + "2025/taet/handout/");
    const file = join(pdfDir, "dense-handout-3.pdf");
    await page.pdf({ path: file, preferCSSPageSize: true });
    // The slide of 9 long items with sub-items is too full for a readable thumbnail at 3 per
    // page: it prints as its outline text on a sheet of its own (issue 13); the rest share.
    assert.equal(await page.locator(".handout .handout-item.as-outline").count() >= 1, true);
    const sheets = await page.locator(".handout .sheet").count();
    assert.deepEqual(pdfInfo(file), { pages: sheets, width: 595, height: 842 });
    assert.ok(sheets <= 7, `${sheets} sheets for 7 slides`);
    assert.equal(await page.locator(".handout .slide-box.overfull").count(), 0);
    await page.close();
  } finally {
    await dense.close();
  }
});

function pdfInfo(file) {
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages, width: Math.round(Number(w)), height: Math.round(Number(h)) };
}
const pdfText = (file) => execFileSync("pdftotext", ["-layout", file, "-"]).toString();

function assertOrder(text, needles, what) {
  let from = 0;
  for (const n of needles) {
    const at = text.indexOf(n, from);
    assert.ok(at >= 0, `${what}: "${n}" missing after position ${from}`);
    from = at + n.length;
  }
}

test("the 12-slide handout prints on 4 A4 pages at 3 per page and on 2 at 6 per page", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const expected = { 1: 12, 2: 6, 3: 4, 4: 3, 6: 2 };
  for (const [perPage, pages] of Object.entries(expected)) {
    await page.goto(server.url + DECK + "handout/?per-page=" + perPage);
    assert.equal(await page.locator(`#handout.per-page-${perPage} .sheet`).count(), pages);
    const file = join(pdfDir, `handout-${perPage}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true });
    const info = pdfInfo(file);
    // 4 and 6 per page print landscape, where a grid of 16:9 slides fills the sheet.
    const across = Number(perPage) >= 4;
    assert.deepEqual(info, { pages, width: across ? 842 : 595, height: across ? 595 : 842 }, `${perPage} per page`);
    // Every page carries the association, the deck, its date and its number (in the order
    // they print: at 6 per page they stand in a narrow strip beside the slides, where they wrap).
    const sheets = execFileSync("pdftotext", ["-raw", file, "-"]).toString().split("\f").filter((p) => p.trim())
      .map((p) => p.replace(/\s+/g, " "));
    assert.equal(sheets.length, pages);
    sheets.forEach((sheet, i) => {
      assert.match(sheet, /Sønderjysk Forening for Praktiserende/, `page ${i + 1}`);
      assert.match(sheet, /Nyt fra bestyrelsen – efterårsmøde 2024/, `page ${i + 1}`);
      assert.match(sheet, /7\. november/, `page ${i + 1}`);
      assert.match(sheet, new RegExp(`Side ${i + 1} af ${pages}`), `page ${i + 1}`);
    });
    // Every slide is whole on the page it belongs to, in order.
    const raw = execFileSync("pdftotext", ["-raw", file, "-"]).toString().split("\f").map((p) => p.replace(/\s+/g, " "));
    SLIDE_STARTS.forEach((start, i) => {
      const on = Math.floor(i / Number(perPage));
      assert.ok(raw[on].includes(start), `${perPage} per page: slide ${i + 1} ("${start}") not on page ${on + 1}`);
      raw.forEach((p, k) => { if (k !== on) assert.ok(!p.includes(start), `${perPage} per page: slide ${i + 1} also on page ${k + 1}`); });
    });
    const flat = raw.join(" ");
    if (perPage === "1") assert.match(flat, /Søren Aagaard Nissen tager dette punkt/, "notes under the slide");
    const overfull = await page.locator(".handout .slide-box.overfull").count();
    assert.equal(overfull, 0, `${perPage} per page: a slide's text does not fit`);
  }
  // The choice on the page changes the layout and the address.
  await page.goto(server.url + DECK + "handout/");
  assert.equal(await page.locator("#handout.per-page-3 .sheet").count(), 4);
  await page.getByLabel("6", { exact: true }).check();
  assert.equal(await page.locator("#handout.per-page-6 .sheet").count(), 2);
  assert.match(page.url(), /\?per-page=6$/);
  await screenshot(page, "slides-handout-6");
  await page.close();
});

test("the meeting pack prints every document of the meeting in programme order", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cases = [
    ["2024/efteraarsmoede-2024/", ["Nyt fra bestyrelsen – efterårsmøde 2024", "Uddannelsesudvalgets beretning 2024"]],
    ["2025/generalforsamling-2025/", ["Formandens beretning 2025", "Overenskomstudvalgets beretning 2025",
      "Regnskab 2024 og budget 2025", "Præsentation til generalforsamlingen 2025"]],
  ];
  for (const [meeting, titles] of cases) {
    await page.goto(server.url + meeting + "pack/");
    // Titles carry soft hyphens at compound joints (issue 13).
    const headings = (await page.locator(".pack-doc-title").allInnerTexts()).map((h) => h.replace(/\u00ad/g, ""));
    assert.deepEqual(headings, titles);
    const file = join(pdfDir, `pack-${meeting.split("/")[1]}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true });
    const info = pdfInfo(file);
    assert.equal(info.width, 595);
    assert.equal(info.height, 842);
    assert.ok(info.pages >= 1 + titles.length, `${meeting}: ${info.pages} pages`);
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, " ");
    // The table of contents lists them in order, then the documents follow in that order.
    assertOrder(flat, ["Indhold", ...titles.map((t, i) => `${i + 1}. ${t}`), "Program", ...titles], meeting);
    // Each document starts on a page of its own, with its title in the running footer.
    const pages = text.split("\f");
    titles.forEach((t, i) => {
      const first = pages.findIndex((p) => p.includes(`${i + 1}. ${t}`) && /Side \d+ af \d+/.test(p) && !p.includes("Indhold"));
      assert.ok(first > 0, `${meeting}: no page of its own for ${t}`);
    });
    assert.match(pages[0], /Sønderjysk Forening for Praktiserende Fysioterapeuter/);
    assert.match(pages[0], new RegExp(`Side 1 af ${info.pages}`));
  }
  await page.close();
});

test("the new pages pass axe and link to each other", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const path of [DECK + "slides/", DECK + "handout/", "2025/generalforsamling-2025/pack/"]) {
    await page.goto(server.url + path);
    assert.deepEqual(await axeViolations(page), [], path);
  }
  await page.goto(server.url + DECK);
  await page.getByRole("link", { name: /Vis præsentation/ }).click();
  await page.waitForURL(/slides\/#1$/);
  await page.goto(server.url + DECK);
  await page.getByRole("link", { name: "Udskriv handout" }).click();
  await page.waitForURL(/handout\/$/);
  await page.goto(server.url + "2024/efteraarsmoede-2024/");
  await page.getByRole("link", { name: /Mødemappe/ }).click();
  await page.waitForURL(/pack\/$/);
  await page.close();
});

test("from file:// the presentation works with keys and needs no network", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  await page.goto(pathToFileURL(join(site, DECK, "slides", "index.html")).href + "#4");
  assert.equal((await shown(page)).number, 4);
  await page.keyboard.press("ArrowRight");
  assert.equal((await shown(page)).hash, "#5");
  assert.match(page.url(), /slides\/index\.html#5$/);
  const fit = await page.evaluate(() => getComputedStyle(document.querySelector(".slide.current .slide-box")).getPropertyValue("--fit"));
  assert.ok(Number(fit) > 1.4, `text fitted from disk too: ${fit}`);
  assert.deepEqual(requests, []);
  await page.close();
});
