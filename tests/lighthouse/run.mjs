// Lighthouse over the six page types of the example site, on mobile and desktop, in Debian's
// headless Chromium: prints the four category scores per page and the audits that did not
// pass. Not part of CI (a full run takes minutes).
//
//   (cd tests/lighthouse && npm ci) && cargo build && node tests/lighthouse/run.mjs
//
// ARKIV_BIN picks the arkiv binary (default: target/debug/arkiv), CHROMIUM the browser,
// ARKIV_SITE the site to build (default: the example site of this repository), so a copy of
// this script can run from a folder where Lighthouse is installed outside the repository.
// Besides the scores it prints the bytes of unused CSS per page (all stylesheets, counted as
// Lighthouse's "Reduce unused CSS" counts them, without its 10 KiB-per-file threshold).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readFileSync, statSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { UnusedCSS } from "lighthouse/core/computed/unused-css.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = process.env.ARKIV_BIN || join(repo, "target", "debug", "arkiv");
const PAGES = {
  home: "",
  report: "2024/formandens-beretning-2024/",
  meeting: "2025/generalforsamling-2025/",
  search: "search/?q=overenskomst",
  presentation: "2025/generalforsamling-2025-praesentation/slides/",
  pdfs: "pdfs/",
};

const source = process.env.ARKIV_SITE || repo;
const site = mkdtempSync(join(tmpdir(), "arkiv-lighthouse-"));
cpSync(join(source, "site.yaml"), join(site, "site.yaml"));
cpSync(join(source, "content"), join(site, "content"), { recursive: true });
execFileSync(bin, ["build", "--quiet", site], { stdio: "inherit" });
const root = join(site, "output");

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".xml": "application/xml", ".pdf": "application/pdf" };
const server = createServer((req, res) => {
  let file = join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(readFileSync(join(root, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const rows = [];
try {
  for (const [form, config] of [["mobile", undefined], ["desktop", desktopConfig]]) {
    for (const [name, path] of Object.entries(PAGES)) {
      const result = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES }, config);
      const lhr = result.lhr;
      const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      const errored = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === "error").map((a) => a.id);
      const a = result.artifacts;
      const sheets = await UnusedCSS.request({ CSSUsage: a.CSSUsage, Stylesheets: a.Stylesheets, devtoolsLog: a.DevtoolsLog }, { computedCache: new Map() });
      const unused = sheets.reduce((sum, s) => sum + s.wastedBytes, 0);
      rows.push({ form, name, scores, failing, errored, unused });
      console.log(`${form.padEnd(8)} ${name.padEnd(13)} ${scores.join(" / ")}  unused CSS ${unused} B${failing.length ? `  below 100: ${failing.join(", ")}` : ""}${errored.length ? `  could not run: ${errored.join(", ")}` : ""}`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
}
console.log(`\nLighthouse ${rows.length ? "" : "ran nothing"}(performance / accessibility / best practices / SEO)`);
console.log("| page | mobile | desktop | unused CSS, mobile / desktop |\n| --- | --- | --- | --- |");
for (const name of Object.keys(PAGES)) {
  const row = (form) => rows.find((r) => r.form === form && r.name === name);
  const cell = (form) => row(form)?.scores.join(" / ") ?? "-";
  console.log(`| ${name} | ${cell("mobile")} | ${cell("desktop")} | ${row("mobile")?.unused ?? "-"} / ${row("desktop")?.unused ?? "-"} B |`);
}
