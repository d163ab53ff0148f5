// The example site opens in a real browser, over HTTP and straight from disk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { buildSite, serveStatic, launchBrowser } from "./harness.mjs";

let site, server, browser;
before(async () => {
  site = buildSite();
  server = await serveStatic(site, "/forening/arkiv/");
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

test("home page links lead to documents when hosted under a sub-path", async () => {
  const page = await browser.newPage();
  const response = await page.goto(server.url);
  assert.equal(response.status(), 200);
  assert.match(await page.locator("h1").first().innerText(), /\S/);
  const first = page.locator(".home-latest .card-title a").first();
  const title = await first.innerText();
  await first.click();
  await page.waitForLoadState();
  assert.ok(page.url().startsWith(server.url), page.url());
  assert.equal((await page.locator("h1").first().innerText()).trim(), title.trim());
  await page.close();
});

test("opened from disk, folder links reach index.html pages", async () => {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(site, "index.html")).href);
  await page.locator(".main-nav a").first().click();
  await page.waitForLoadState();
  assert.match(page.url(), /archive\/index\.html$/);
  assert.ok(await page.locator("h1").count() > 0);
  await page.close();
});
