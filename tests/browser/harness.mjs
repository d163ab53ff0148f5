// Shared set-up for browser tests: build the example site with the arkiv binary, serve it on
// 127.0.0.1, and drive Debian's Chromium headless with playwright-core.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
export const screenshotDir = join(repoRoot, "target", "screenshots");

/** The arkiv binary the tests run: ARKIV_BIN, else the debug build. */
export function arkivBin() {
  const bin = process.env.ARKIV_BIN || join(repoRoot, "target", "debug", "arkiv");
  if (!existsSync(bin)) throw new Error(`arkiv binary not found at ${bin}: run cargo build first`);
  return bin;
}

/** Builds a site (the example site by default) into target/browser-sites/<name> and returns the folder. */
export function buildSite(siteDir = repoRoot, name = "example", extraArgs = []) {
  const out = join(repoRoot, "target", "browser-sites", name);
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(arkivBin(), ["build", siteDir, "--output", out, ...extraArgs], { stdio: ["ignore", "ignore", "pipe"] });
  return out;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".pdf": "application/pdf", ".png": "image/png",
  ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` on 127.0.0.1 at a free port under `prefix` (to test sub-path hosting). */
export async function serveStatic(root, prefix = "/") {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404); res.end("outside prefix"); return; }
    path = path.slice(prefix.length);
    let file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) { res.writeHead(404, { "content-type": TYPES[".html"] }); res.end(readFileSync(join(root, "404.html"))); return; }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium with the flags this machine's closed network needs. A launch is tried
    three times: on a loaded CI machine Chromium has been seen to crash (SIGSEGV) while
    starting, before any page of ours is open; a test never retries what it asserts. */
export async function launchBrowser() {
  const options = {
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await chromium.launch(options);
    } catch (e) {
      if (attempt >= 3) throw e;
      console.error(`chromium did not start (attempt ${attempt}): ${String(e.message).split("\n")[0]}`);
    }
  }
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns its violations. */
export async function axeViolations(page) {
  const source = readFileSync(join(repoRoot, "tests", "browser", "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
}

/** Saves a screenshot under target/screenshots/ for people to look at. */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Copies the example site into a temporary folder and starts `arkiv serve` on it on a free
 *  port; resolves to { dir, url, stop } once the server says where it listens. */
export async function serveExampleCopy(prefix) {
  const { cpSync, mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { spawn } = await import("node:child_process");
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(repoRoot, "content"), join(dir, "content"), { recursive: true });
  cpSync(join(repoRoot, "site.yaml"), join(dir, "site.yaml"));
  const serve = spawn(arkivBin(), ["serve", dir, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
  const url = await new Promise((resolve, reject) => {
    let seen = "";
    serve.stderr.on("data", (chunk) => {
      seen += chunk;
      const m = seen.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
    serve.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${seen}`)));
  });
  const stop = () => {
    serve.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, url, stop };
}
