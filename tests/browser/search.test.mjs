// Search in a real browser: typing shows highlighted results, facets narrow them, a result
// leads to its section, the keyboard works, index text is never HTML, and it all works from
// disk and without JavaScript says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { buildSite, serveStatic, launchBrowser, axeViolations, screenshot, repoRoot } from "./harness.mjs";

let site, server, browser;
before(async () => {
  site = buildSite(join(repoRoot, "tests", "fixtures", "search", "site"), "search-fixture");
  server = await serveStatic(site, "/forening/arkiv/");
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

async function searchPage(query = "") {
  const page = await browser.newPage();
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(server.url + "search/" + (query ? "?q=" + encodeURIComponent(query) : ""));
  return { page, dialogs };
}

test("typing shows results with the matched words highlighted, and the URL carries the query", async () => {
  const { page } = await searchPage();
  await page.locator("#search-q").pressSequentially("lægevagt", { delay: 20 });
  const first = page.locator(".search-result").first();
  await first.waitFor();
  assert.equal((await first.locator(".search-result-title").innerText()).trim(), "Beretning fra lægevagtsudvalget");
  const marks = await page.locator(".search-results mark").allInnerTexts();
  assert.ok(marks.some((m) => /lægevagt/i.test(m)), `highlighted: ${marks}`);
  assert.match(decodeURIComponent(page.url()), /\?q=lægevagt$/);
  assert.match(await page.locator("#search-status").innerText(), /\d+ resultat/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "search-results");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "search-results-phone");
  await page.close();
});

test("a facet narrows the results and shows counts", async () => {
  const { page } = await searchPage("regionen");
  await page.locator(".search-result").first().waitFor();
  const before = await page.locator(".search-result").count();
  const facet = page.locator(".search-facet-value", { hasText: "Udvalgsberetninger" });
  const count = Number(await facet.locator(".count").innerText());
  assert.ok(count > 0 && count < before, `facet count ${count} of ${before}`);
  await facet.locator("input").check();
  await page.waitForFunction((n) => document.querySelectorAll(".search-result").length === n, count);
  const metas = await page.locator(".search-result-meta").allInnerTexts();
  assert.ok(metas.every((m) => m.includes("Udvalgsberetning")), metas.join(" | "));
  assert.match(page.url(), /kind=committee-report/);
  // Reloading the shared URL keeps the facet.
  await page.reload();
  await page.locator(".search-result").first().waitFor();
  assert.equal(await page.locator(".search-result").count(), count);
  await page.close();
});

test("a one-word query shows its results from one card file, with no file per result", async () => {
  const { page } = await searchPage();
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.waitForFunction(() => window.arkivSearch && window.arkivSearch.ready());
  await page.locator("#search-q").fill("regionen");
  await page.locator("#search-form").evaluate((f) => f.requestSubmit());
  await page.locator(".search-result").first().waitFor();
  const shown = await page.locator(".search-result").count();
  assert.ok(shown >= 3, `${shown} results`);
  const index = (kind) => requests.filter((p) => p.includes(`/search/index/${kind}/`));
  assert.ok(index("t").length >= 1, requests.join(" "));
  assert.equal(index("c").length, 1, requests.join(" "));
  assert.deepEqual(index("d"), [], "no document file is read");
  // Every result has its title, date and a quote with the word marked.
  for (const r of await page.locator(".search-result").all()) {
    assert.ok((await r.locator(".search-result-title").innerText()).trim().length > 0);
    assert.match(await r.locator(".search-result-meta").innerText(), /\d{4}/);
  }
  assert.ok((await page.locator(".search-result-excerpt mark").count()) > 0);
  // Two words read the documents they show.
  await page.locator("#search-q").fill("henvisninger weekenden");
  await page.locator("#search-form").evaluate((f) => f.requestSubmit());
  await page.waitForFunction(() => /weekenden/i.test(document.querySelector(".search-result")?.innerText || ""));
  assert.ok(index("d").length >= 1, "documents read for two words");
  await page.close();
});

test("a result leads to the section where the words are", async () => {
  const { page } = await searchPage("henvisninger weekenden");
  const link = page.locator(".search-result-title").first();
  await link.waitFor();
  await link.click();
  await page.waitForLoadState();
  assert.ok(page.url().startsWith(server.url + "2025/beretning-fra-laegevagtsudvalget/"), page.url());
  assert.match(page.url(), /#samarbejdet-med-regionen$/);
  assert.equal((await page.locator("h1").first().innerText()).replace(/\u00ad/g, "").trim(), "Beretning fra lægevagtsudvalget");
  await page.close();
});

test("a hit in an attached PDF names the PDF and the document it belongs to", async () => {
  const { page } = await searchPage("takstbilag");
  const hit = page.locator(".search-result").first();
  await hit.waitFor();
  assert.equal((await hit.locator(".search-result-title").innerText()).trim(), "Takstbilag (PDF)");
  assert.match(await hit.locator(".search-result-title").getAttribute("href"), /takstbilag-2025\.pdf$/);
  const parent = hit.locator(".search-result-parent a");
  assert.equal((await parent.innerText()).trim(), "Forhandlinger om honorarstrukturen");
  assert.match(await hit.locator(".search-result-meta").innerText(), /^PDF/);
  await page.close();
});

test("keyboard: / focuses search, arrows move through results, Enter opens", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "site-search");
  await page.keyboard.type("regionen");
  await page.keyboard.press("Enter");
  await page.waitForURL(/search\//);
  await page.locator(".search-result").first().waitFor();
  await page.locator("#search-q").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const second = await page.locator(".search-result-title").nth(1).getAttribute("href");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), second);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search-q");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.pathname.includes("/search/"));
  assert.ok(await page.locator("h1").count() > 0);
  await page.close();
});

test("index text is shown as text, never run as HTML", async () => {
  const { page, dialogs } = await searchPage("onerror");
  const title = page.locator(".search-result-title").first();
  await title.waitFor();
  assert.equal((await title.innerText()).trim(), "<img src=x onerror=alert(1)>");
  assert.equal(await page.locator(".search-results img").count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test("opened from disk, search loads its index and results open", async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(site, "search", "index.html")).href + "?q=ydernummer");
  const link = page.locator(".search-result-title").first();
  await link.waitFor();
  assert.equal((await link.innerText()).trim(), "Status på ydernumre i regionen");
  await link.click();
  await page.waitForLoadState();
  assert.match(page.url(), /ydernumre-i-regionen\/index\.html#ydernumre$/);
  await page.close();
});

test("without JavaScript the page says so and links the archive", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url + "search/");
  const note = page.locator(".search-noscript");
  assert.match(await note.innerText(), /JavaScript/);
  assert.equal(await note.locator("a").getAttribute("href"), "../archive/");
  assert.equal(await page.locator("#search-form").isVisible(), false);
  await context.close();
});
