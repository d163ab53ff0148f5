// Web standards in a real browser: the search script loads only where it is used, the search
// page does not move while results arrive, the icon is found, and the 404 page is styled from
// any depth of a sub-path and from disk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { buildSite, serveStatic, launchBrowser, screenshot, repoRoot } from "./harness.mjs";

let site, server, browser;
before(async () => {
  site = buildSite(join(repoRoot, "tests", "fixtures", "standards", "site"), "standards-fixture");
  server = await serveStatic(site, "/arkiv/");
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

/** A page that records every script it fetches and every failed response. */
async function open(url) {
  const page = await browser.newPage();
  const scripts = [];
  const failed = [];
  page.on("request", (r) => { if (r.resourceType() === "script") scripts.push(r.url()); });
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(url);
  return { page, scripts, failed };
}

test("search.js is not on ordinary pages; the header box loads it on focus", async () => {
  const { page, scripts, failed } = await open(server.url);
  await page.waitForLoadState("load");
  assert.ok(!scripts.some((s) => s.endsWith("/search.js")), scripts.join("\n"));
  assert.equal(await page.evaluate(() => typeof window.arkivSearch), "undefined");
  await page.locator("#site-search").focus();
  await page.waitForFunction(() => typeof window.arkivSearch === "object");
  assert.equal(scripts.filter((s) => s.endsWith("/search.js")).length, 1);
  await page.keyboard.type("møde");
  assert.equal(scripts.filter((s) => s.endsWith("/search.js")).length, 1, "loaded once");
  assert.deepEqual(failed, []);
  await page.close();
});

test("typing in the header box loads search.js too, and / still focuses the box", async () => {
  const { page, scripts } = await open(server.url + "2026/beretning-2025/");
  await page.waitForLoadState("load");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "site-search");
  await page.waitForFunction(() => typeof window.arkivSearch === "object");
  assert.ok(scripts.some((s) => s.endsWith("/search.js")));
  await page.close();
});

test("the search page with a query shifts no layout while results arrive", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1350, height: 940 }]) {
    const page = await browser.newPage({ viewport });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(server.url + "search/?q=" + encodeURIComponent("overenskomst"));
    await page.locator(".search-result").first().waitFor();
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls} at ${viewport.width}px`);
    await screenshot(page, `standards-search-${viewport.width}`);
    await page.close();
  }
});

test("every page links an icon that is there", async () => {
  const { page, failed } = await open(server.url + "2026/nyt-fra-bestyrelsen-marts-2026/slides/");
  const icon = await page.evaluate(() => document.querySelector("link[rel=icon]").href);
  const res = await page.request.get(icon);
  assert.equal(res.status(), 200);
  assert.match(res.headers()["content-type"], /svg/);
  assert.deepEqual(failed, []);
  await page.close();
});

test("the 404 page is styled and its links work deep under a sub-path and from disk", async () => {
  const { page, failed } = await open(server.url + "2026/findes/ikke/");
  assert.equal(await page.locator("h1").count(), 1);
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header")).display);
  assert.notEqual(styled, "inline", "arkiv.css did not load");
  assert.deepEqual(failed.filter((f) => !f.includes("/2026/findes/")), []);
  await page.locator(".not-found a").nth(1).click();
  await page.waitForURL(server.url + "archive/");
  await screenshot(page, "standards-404-followed");
  await page.close();

  const disk = await browser.newPage();
  await disk.goto(pathToFileURL(join(site, "404.html")).href);
  assert.notEqual(
    await disk.evaluate(() => getComputedStyle(document.querySelector(".site-header")).display),
    "inline",
  );
  await disk.locator(".not-found a").nth(1).click();
  await disk.waitForURL(/archive\/index\.html$/);
  await disk.close();
});
