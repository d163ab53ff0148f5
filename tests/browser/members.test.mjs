// The members' area in a real browser: its search finds members-only and public documents
// alike and every result opens a page that exists; the public search finds no members-only
// document; the area's pages say where the reader is and pass axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { buildSite, serveStatic, launchBrowser, axeViolations, screenshot } from "./harness.mjs";

let site, server, browser;
before(async () => {
  site = buildSite(undefined, "members-example");
  server = await serveStatic(site, "/forening/");
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

async function resultsFor(url, query) {
  const page = await browser.newPage();
  await page.goto(url + "search/?q=" + encodeURIComponent(query));
  await page.locator("#search-status").filter({ hasText: /resultat|Ingen/ }).waitFor();
  const titles = (await page.locator(".search-result-title").allInnerTexts()).map((t) => t.trim());
  const hrefs = await page.locator(".search-result-title a, a.search-result-title").evaluateAll((as) => as.map((a) => a.href));
  return { page, titles, hrefs };
}

test("the members' search finds members-only and public documents, and each result opens", async () => {
  const { page, titles, hrefs } = await resultsFor(server.url + "members/", "dirigent Haderslev");
  assert.ok(titles.includes("Referat af ordinær generalforsamling 2025"), `members' results: ${titles}`);
  assert.ok(titles.some((t) => t.startsWith("Ordinær generalforsamling 2025")), `public documents too: ${titles}`);
  assert.ok(hrefs.length > 0);
  // The members-only result says so; a public one does not.
  const metaOf = (title) => page.locator(".search-result").filter({ has: page.locator(".search-result-title", { hasText: new RegExp(`^${title}`) }) }).first().locator(".search-result-meta").innerText();
  assert.match(await metaOf("Referat af ordinær generalforsamling 2025"), /Kun for medlemmer/);
  assert.doesNotMatch(await metaOf("Ordinær generalforsamling 2025"), /Kun for medlemmer/);
  for (const href of hrefs) {
    const response = await page.request.get(href);
    assert.equal(response.status(), 200, href);
  }
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test("the public search knows nothing of the members-only documents", async () => {
  const { page, titles } = await resultsFor(server.url, "Thygesen");
  assert.deepEqual(titles, []);
  const more = await resultsFor(server.url, "generalforsamling 2025");
  assert.ok(!more.titles.includes("Referat af ordinær generalforsamling 2025"), `${more.titles}`);
  await more.page.close();
  await page.close();
});

test("every page of the area says it is the members' area, on a phone too, and passes axe", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + "members/2025/referat-generalforsamling-2025/");
  const banner = page.locator(".members-banner");
  assert.match(await banner.innerText(), /Medlemsområde/);
  assert.ok(await banner.locator("a").isVisible(), "a way back to the public archive");
  assert.match(await page.locator(".doc-kicker").innerText(), /Kun for medlemmer/i);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "members-document-phone");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(server.url + "members/");
  await screenshot(page, "members-home");
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
