// The PDF index and the link index in a real browser: the overviews and their year, website
// and host pages are accessible (axe), the filter box works, cached check results show, and
// every page reads on a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, serveStatic, launchBrowser, axeViolations, screenshot, repoRoot } from "./harness.mjs";

let server, browser;

/** Outside URLs of the example content, with made-up check results (nothing goes online). */
function fakeCache(siteDir) {
  const urls = new Set();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".md")) {
        const text = readFileSync(p, "utf8");
        if (/^draft: true$/m.test(text)) continue; // drafts are not published
        for (const m of text.matchAll(/\]\((https?:\/\/[^)\s#]+)/g)) urls.add(m[1]);
      }
    }
  };
  walk(join(siteDir, "content"));
  const results = {};
  [...urls].sort().forEach((url, i) => {
    const broken = i % 9 === 3;
    results[url] = { url, state: broken ? "broken" : "ok", status: broken ? 404 : 200, final_url: null, redirects: [],
      content_type: url.endsWith(".pdf") ? "application/pdf" : "text/html", error: broken ? "the page is gone (not found)" : null,
      attempts: 1, checked_at: Math.floor(Date.now() / 1000) - 600 };
  });
  writeFileSync(join(siteDir, ".arkiv-linkcheck.json"), JSON.stringify({ version: 1, results }));
  return Object.values(results).filter((r) => r.state === "broken").length;
}

let brokenCount;
let siteDir;
before(async () => {
  siteDir = mkdtempSync(join(tmpdir(), "arkiv-indexes-"));
  cpSync(join(repoRoot, "content"), join(siteDir, "content"), { recursive: true });
  cpSync(join(repoRoot, "site.yaml"), join(siteDir, "site.yaml"));
  brokenCount = fakeCache(siteDir);
  server = await serveStatic(buildSite(siteDir, "indexes"), "/forening/");
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  // The copied site goes with the run, as the harness's own folders do.
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

const visibleItems = (page) => page.$$eval("[data-filter]",
  (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent));
const noOverflow = async (page) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
};

for (const width of [390, 1280]) {
  test(`PDF index at ${width}px: overview, year and website pages, filter`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}pdfs/`);
    assert.deepEqual(await axeViolations(page), []);
    await noOverflow(page);
    const years = await page.$$eval("#pdf-years a", (as) => as.map((a) => a.textContent));
    assert.ok(years.includes("2025") && years.includes("2024"), `years: ${years}`);
    assert.ok(await page.isVisible("#pdf-hosts a[href$='pdfs/host-www-fagforbund-example/']"), "websites listed");
    assert.ok(/\d+\s+sider?/.test(await page.textContent("#pdf-attached")), "attached PDFs show page counts");
    await screenshot(page, `pdfs-${width}`);

    // Every PDF is on exactly one year page.
    let total = 0;
    for (const href of await page.$$eval("#pdf-years a", (as) => as.map((a) => a.href))) {
      const p = await browser.newPage();
      await p.goto(href);
      total += (await visibleItems(p)).length;
      await p.close();
    }
    const count = Number((await page.textContent(".list-header .count")).match(/^(\d+) PDF/)[1]);
    assert.equal(total, count, "the year pages hold every PDF once");

    await page.click("#pdf-years a >> text=2025");
    await page.waitForURL(/pdfs\/2025\/$/);
    assert.deepEqual(await axeViolations(page), []);
    await noOverflow(page);
    const all = await visibleItems(page);
    assert.ok(all.length >= 5, `PDFs of 2025: ${all.length}`);
    await page.fill("#index-filter", "overenskomst");
    const filtered = await visibleItems(page);
    assert.ok(filtered.length > 0 && filtered.length < all.length, `${filtered.length} of ${all.length}`);
    assert.ok(filtered.every((t) => /overenskomst/i.test(t)), "only matching rows stay");
    assert.match(await page.textContent("#index-filter-status"), new RegExp(`Viser ${filtered.length} af ${all.length}`));
    // Typed without Danish letters, a word still finds its row, folded as search folds it.
    const danish = all.join(" ").match(/[a-zæå]*ø[a-zæøå]*/i);
    assert.ok(danish, "a row of 2025 has a word with ø");
    const typed = danish[0].toLowerCase().replace(/ø/g, "oe").replace(/æ/g, "ae").replace(/å/g, "aa");
    await page.fill("#index-filter", typed);
    const folded = await visibleItems(page);
    assert.ok(folded.some((t) => t.toLowerCase().includes(danish[0].toLowerCase())), `"${typed}" finds "${danish[0]}"`);
    await page.fill("#index-filter", "zzzz-nothing");
    assert.ok(await page.isVisible("[data-filter-empty]"), "says when nothing matches");
    await page.fill("#index-filter", "");
    await screenshot(page, `pdfs-2025-${width}`);

    await page.click(".pdf-groups-more a >> text=www.fagforbund.example");
    await page.waitForURL(/pdfs\/host-www-fagforbund-example\/$/);
    assert.deepEqual(await axeViolations(page), []);
    const hostRows = await visibleItems(page);
    assert.ok(hostRows.length >= 1 && hostRows.every((t) => t.includes("www.fagforbund.example")), "one website's PDFs");
    await page.close();
  });

  test(`link index at ${width}px: overview with hosts and broken links, host pages with statuses`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}links/`);
    assert.deepEqual(await axeViolations(page), []);
    await noOverflow(page);
    assert.equal(await page.locator("#broken .link-item").count(), brokenCount, "every broken link named");
    assert.ok(await page.isVisible("#host-archive a[href$='links/archive/']"), "the archive's own links");
    await screenshot(page, `links-${width}`);
    // The host filter on the overview.
    const hosts = await visibleItems(page);
    await page.fill("#index-filter", "regioner");
    const some = await visibleItems(page);
    assert.ok(some.length >= 1 && some.length < hosts.length && some.every((t) => /regioner/.test(t)));
    await page.fill("#index-filter", "");

    // A broken link leads to the host page that lists it, with its status and citations.
    const first = page.locator("#broken .link-item").first();
    const url = (await first.locator(".link-url-text").textContent()).trim();
    await first.locator(".link-note a").click();
    await page.waitForURL(/links\/[a-z0-9-]+\/$/);
    assert.deepEqual(await axeViolations(page), []);
    await noOverflow(page);
    const row = page.locator(".link-item", { has: page.locator(`a[href="${url}"]`) });
    assert.equal(await row.locator(".link-status-broken").count(), 1, `status of ${url}`);
    assert.ok((await row.locator(".link-cited li").count()) >= 1, "where it is cited");
    await screenshot(page, `links-host-${width}`);
    await page.fill("#index-filter", "broken");
    const shown = await visibleItems(page);
    assert.equal(shown.length, await page.locator(".link-item .link-status-broken").count(),
      "the filter shows exactly this page's broken links");
    await page.close();
  });
}
