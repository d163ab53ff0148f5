// The theme's CSS is split by page type (render/styles.rs picks a page's files). A page must
// lose no styling by that: on every page type, each element's computed style, at 390 and
// 1280 px and in print, is the same as when the page links every layout file in order (which
// is the one stylesheet the theme had before it was split). A missing file, or one linked out
// of order, changes some element and fails here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { buildSite, serveStatic, launchBrowser, repoRoot } from "./harness.mjs";

// The layout files in cascade order: the list in src/render/styles.rs (ALL).
const LAYOUT = ["arkiv.css", "home.css", "overview.css", "entries.css", "lists.css", "document.css", "toc.css", "prose.css", "tables.css", "meeting.css"];

const EXAMPLE = {
  home: "", archive: "archive/", year: "archive/2025/", kind: "kinds/accounts/", tags: "tags/", meetings: "meetings/",
  "report with contents": "2024/formandens-beretning-2024/", accounts: "2025/regnskab-2024/", newsletter: "2024/nyhedsbrev-juni-2024/",
  page: "om-foreningen/", deck: "2025/generalforsamling-2025-praesentation/", meeting: "2025/generalforsamling-2025/",
  handout: "2025/generalforsamling-2025-praesentation/handout/", pack: "2025/generalforsamling-2025/pack/",
  pdfs: "pdfs/", "pdfs of a year": "pdfs/2025/", links: "links/", search: "search/?q=overenskomst", "404": "404.html",
};
const FIXTURE = {
  "report opening with ###": "2026/beretning-2025/", meeting: "2026/medlemsmoede-marts/", "link host": "links/example-org/",
  deck: "2026/vagtordning-slides/", pack: "2026/medlemsmoede-marts/pack/",
};

let browser;
const servers = [];
before(async () => {
  servers.push(await serveStatic(buildSite()));
  servers.push(await serveStatic(buildSite(join(repoRoot, "tests", "fixtures", "standards", "site"), "styles-fixture")));
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); for (const s of servers) await s.close(); });

// What a rule of the theme can change: the box and its place (width and height catch any
// change of layout around an element), type, colour, borders, lists, grid and flex, print.
const PROPERTIES = ["display", "position", "top", "left", "width", "height", "margin-top", "margin-right", "margin-bottom",
  "margin-left", "padding-top", "padding-right", "padding-bottom", "padding-left", "border-top-width", "border-top-style",
  "border-top-color", "border-right-width", "border-bottom-width", "border-bottom-style", "border-bottom-color",
  "border-left-width", "border-left-color", "border-top-left-radius", "border-bottom-right-radius", "color",
  "background-color", "background-image", "box-shadow", "font-family", "font-size", "font-weight", "font-style",
  "font-variant-numeric", "line-height", "letter-spacing", "text-transform", "text-align", "text-decoration-line",
  "white-space", "overflow-x", "list-style-type", "grid-template-columns", "grid-column-start", "grid-row-start",
  "flex-direction", "flex-wrap", "flex-basis", "column-gap", "row-gap", "order", "max-width", "min-width", "z-index",
  "visibility", "opacity", "content", "hyphens", "break-inside", "break-after", "column-width", "outline-style",
  "vertical-align", "cursor", "orphans"];

/** A fingerprint of every element's computed style (with ::before and ::after), in order. */
function fingerprints(page) {
  return page.evaluate((properties) => [...document.querySelectorAll("body *")].map((el) => {
    let text = "";
    for (const pseudo of [null, "::before", "::after"]) {
      const cs = getComputedStyle(el, pseudo);
      for (const p of properties) text += cs.getPropertyValue(p) + ";";
    }
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().replace(/\s+/g, ".") : ""} ${h}`;
  }), PROPERTIES);
}

/** The fingerprints once the page's scripts are done with it: arkiv.js marks wide tables from a
    ResizeObserver, which may run after `load`; two equal readings 50 ms apart count as settled. */
async function settledFingerprints(page) {
  let last = await fingerprints(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const now = await fingerprints(page);
    if (now.join("\n") === last.join("\n")) return now;
    last = now;
  }
  return last;
}

/** Replaces the page's layout links by all of them, in order, and waits until they load. */
function linkEveryLayoutFile(page) {
  return page.evaluate(async (layout) => {
    const links = [...document.querySelectorAll('link[rel="stylesheet"]')].filter((l) => layout.includes(l.href.split("/").pop()));
    const first = links[0];
    const dir = first.href.slice(0, first.href.lastIndexOf("/") + 1);
    const loads = layout.map((name) => {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = dir + name;
      first.before(link);
      return new Promise((ok, fail) => { link.onload = ok; link.onerror = () => fail(new Error(`${name} did not load`)); });
    });
    await Promise.all(loads);
    for (const l of links) l.remove();
  }, LAYOUT);
}

for (const [site, pages] of [["example", EXAMPLE], ["fixture", FIXTURE]]) {
  test(`no element of the ${site} site's page types loses styling to the CSS split`, async () => {
    const base = servers[site === "example" ? 0 : 1].url;
    const problems = [];
    for (const [name, path] of Object.entries(pages)) {
      for (const mode of ["390", "1280", "print"]) {
        const page = await browser.newPage({ viewport: { width: mode === "390" ? 390 : mode === "print" ? 794 : 1280, height: 900 } });
        if (mode === "print") await page.emulateMedia({ media: "print" });
        const failed = [];
        page.on("response", (r) => { if (r.status() >= 400 && r.url().endsWith(".css")) failed.push(r.url()); });
        await page.goto(base + path, { waitUntil: "load" });
        if (path.startsWith("search/")) await page.waitForSelector(".search-result");
        const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.href.split("/").pop()));
        assert.ok(sheets.includes("arkiv.css"), `${name}: ${sheets}`);
        const linked = sheets.filter((s) => LAYOUT.includes(s));
        assert.deepEqual(linked, LAYOUT.filter((s) => linked.includes(s)), `${name}: layout files out of order`);
        const own = await settledFingerprints(page);
        await linkEveryLayoutFile(page);
        const all = await settledFingerprints(page);
        assert.equal(own.length, all.length, name);
        const differ = own.map((o, i) => (o === all[i] ? null : o.split(" ")[0])).filter(Boolean);
        if (differ.length || failed.length) problems.push(`${name} (${path}) at ${mode}: ${failed.join(" ")} ${differ.slice(0, 5).join(", ")}${differ.length > 5 ? ` and ${differ.length - 5} more` : ""}`);
        if (mode === "1280") console.log(`${name}: ${linked.join(" ")}`);
        await page.close();
      }
    }
    assert.deepEqual(problems, []);
  });
}
