// `arkiv serve` with many preview tabs: a browser keeps six connections per host, so the tabs
// must share one reload stream (issue 15); eight tabs all load, and all reload on a save.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, serveExampleCopy } from "./harness.mjs";

let dir, url, stop, browser;
const doc = "content/2025/formandens-beretning-2025.md";
const docUrl = "2025/formandens-beretning-2025/";

before(async () => {
  ({ dir, url, stop } = await serveExampleCopy("arkiv-serve-tabs-"));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  stop?.();
});

test("eight tabs of one browser all load, and all reload after a save", async () => {
  // One context: the tabs share the connection pool, as tabs of one browser window do.
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const pages = [];
  for (let i = 0; i < 8; i++) {
    const page = await context.newPage();
    await page.goto(url + docUrl, { timeout: 10000 });
    pages.push(page);
  }
  // Give the tabs time to settle who listens.
  await new Promise((r) => setTimeout(r, 300));
  const text = readFileSync(join(dir, doc), "utf8");
  writeFileSync(join(dir, doc), text.replace(/\n## /, "\nOtte faner genindlæst.\n\n## "));
  for (const page of pages) {
    await page.waitForFunction(() => document.body.innerText.includes("Otte faner genindlæst."), null, { timeout: 20000 });
  }
  // Closing the tab that listens hands the stream to another.
  await pages[0].close();
  await new Promise((r) => setTimeout(r, 300));
  writeFileSync(join(dir, doc), text.replace(/\n## /, "\nEn fane lukket.\n\n## "));
  for (const page of pages.slice(1)) {
    await page.waitForFunction(() => document.body.innerText.includes("En fane lukket."), null, { timeout: 20000 });
  }
  assert.ok(true);
  await context.close();
});
