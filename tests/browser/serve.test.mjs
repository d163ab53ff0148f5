// `arkiv serve` in a real browser: an open tab reloads itself when the file is saved, keeps its
// scroll position, and shows (then clears) the error overlay.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, screenshot, serveExampleCopy } from "./harness.mjs";

let dir, url, stop, browser;
const doc = "content/2025/formandens-beretning-2025.md";
const docUrl = "2025/formandens-beretning-2025/";

before(async () => {
  ({ dir, url, stop } = await serveExampleCopy("arkiv-serve-"));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  stop?.();
});

test("a saved edit reloads the open tab at the same scroll position", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(url + docUrl);
  await page.evaluate(() => window.scrollTo(0, 900));
  await page.waitForFunction(() => window.scrollY > 800);
  const before = await page.evaluate(() => window.scrollY);
  const text = readFileSync(join(dir, doc), "utf8");
  // Below the reader's place, so the text above it (and so the place) stays where it was;
  // text added above would move it by its own height (the browser keeps the reader's line).
  writeFileSync(join(dir, doc), `${text}\nEt nyt afsnit skrevet lige nu.\n`);
  await page.waitForFunction(() => document.body.innerText.includes("Et nyt afsnit skrevet lige nu."), null, { timeout: 20000 });
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 50, before, { timeout: 5000 });
  await page.close();
});

test("a broken save shows the overlay in the open tab; the fix removes it", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(url + docUrl);
  const good = readFileSync(join(dir, doc), "utf8");
  writeFileSync(join(dir, doc), good.replace("kind: chairman-report", "kind: chairman-raport"));
  const overlay = page.locator("#arkiv-error-overlay");
  await overlay.waitFor({ state: "visible", timeout: 20000 });
  const shown = await overlay.innerText();
  assert.match(shown, /content\/2025\/formandens-beretning-2025\.md:\d+/);
  assert.match(shown, /chairman-raport/);
  await screenshot(page, "serve-error-overlay");
  writeFileSync(join(dir, doc), good);
  await overlay.waitFor({ state: "detached", timeout: 20000 });
  await page.close();
});

test("the link index tells the secretary to run arkiv check, on a phone too; Skjul hides it", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(url + "links/");
  const notice = page.locator("#arkiv-serve-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Kun i forhåndsvisningen: \d+ eksterne links er ikke tjekket endnu; kør arkiv check/);
  const box = await notice.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the notice spans ${box.x}–${box.x + box.width} px`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  // The page itself says it neutrally, for members.
  assert.match(await page.locator(".check-note").innerText(), /^Eksterne links er ikke tjekket endnu\.$/);
  await screenshot(page, "serve-links-notice-390");
  await page.getByRole("button", { name: "Skjul" }).click();
  assert.equal(await notice.count(), 0);
  await page.goto(url);
  assert.equal(await page.locator("#arkiv-serve-notice").count(), 0, "only on the link index");
  await page.close();
});
