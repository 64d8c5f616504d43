// `npm run bench:studio`: what a writer waits for in `plinth studio` on a 10,000-post site,
// in a real browser (Debian's Chromium). The studio runs as a user runs it (a child process
// on a copy of a generated site) and the numbers are taken through the app:
//   - opening the news collection: a click on it to its first page of entries listed;
//   - searching it: typing a word to the list showing the matches (the list waits 200 ms
//     after the last keystroke before it asks, as it does for a user; the server's own
//     time for the same query is given beside it);
//   - preview: a keystroke in the body to the preview frame loaded with the new text,
//     and the part of it after the editor's 150 ms pause (request, render, frame load).
// Prints a Markdown table, plus the size of the app's JavaScript.

import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { percentile } from "./incremental-report.js";
import { ensureSite } from "./site-cache.js";
import { summarise } from "./stats.js";
import { PROJECTS, TAGS } from "./vocabulary.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const TIMEOUT_MS = 120_000;

/** What the app exposes for timing (src/studio/client/preview-pane.tsx). */
interface StudioWindow {
  __studioPreview?: { requests: number; loads: number; requestedAt: number; respondedAt: number; loadedAt: number };
}

interface Options {
  posts: number;
  runs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { posts: 10_000, runs: 10 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (flag === "--posts") options.posts = value;
    else if (flag === "--runs") options.runs = value;
    else throw new Error(`unknown flag ${flag}; use --posts N, --runs N`);
  }
  if (!(options.posts > 0 && options.runs > 0)) throw new Error("--posts and --runs must be positive");
  return options;
}

async function startStudio(siteDir: string): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const started = performance.now();
  const env = { ...process.env };
  delete env.PLINTH_STUDIO_TOKEN;
  const child = spawn(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "studio", "--port", "0"], { cwd: siteDir, stdio: ["ignore", "pipe", "pipe"], env });
  let output = "";
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (output += text));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (text: string) => {
      output += text;
      const found = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.on("exit", (code) => reject(new Error(`plinth studio exited with ${code}:\n${output}`)));
  });
  return { child, url, startMs: performance.now() - started };
}

/** Milliseconds of `run`, in the page's clock, until `done` holds in the page. */
async function timeInPage(page: Page, run: () => Promise<void>, done: () => Promise<unknown>): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await run();
  await done();
  return (await page.evaluate(() => performance.now())) - start;
}

function row(name: string, times: number[], note = ""): string {
  const s = summarise(times);
  return `| ${name} | ${times.length} | ${s.median.toFixed(0)} ms | ${percentile(times, 90).toFixed(0)} ms | ${s.min.toFixed(0)} ms | ${s.max.toFixed(0)} ms | ${note} |\n`;
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const app = await readFile(path.join(repoRoot, "dist", "src", "studio", "public", "app.js"));
  const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), options.posts, "foundation");
  const workDir = await realpath(await mkdtemp(path.join(os.tmpdir(), "plinth-bench-studio-")));
  const site = path.join(workDir, "site");
  await cp(siteDir, site, { recursive: true, filter: (source) => !["_site", ".bench-site", "node_modules"].includes(path.basename(source)) });
  const { child, url, startMs } = await startStudio(site);
  const token = new URL(url).searchParams.get("token")!;
  const profile = await mkdtemp(path.join(os.tmpdir(), "plinth-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.goto(url);
    const news = page.locator("nav.collections a", { hasText: /news/i }).first();
    await news.waitFor();
    const others = page.locator("nav.collections a").filter({ hasNotText: /news/i }).first();
    const count = page.locator(".entry-list .list-count");

    const open: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      await others.click();
      await page.waitForFunction(() => !/news/i.test(document.querySelector(".entry-list h2")?.textContent ?? ""));
      open.push(await timeInPage(page, () => news.click(), () => page.waitForFunction((n) => (document.querySelector(".entry-list .list-count")?.textContent ?? "").includes(`of ${n}`), options.posts.toLocaleString("en"))));
    }
    const total = (await count.textContent()) ?? "";

    const words = [...PROJECTS, ...TAGS].slice(0, options.runs);
    const search: number[] = [];
    const server: number[] = [];
    const box = page.getByLabel("Search");
    for (const word of words) {
      await box.fill("");
      await page.locator('.entries[data-query=""]').waitFor();
      // The list marks which query its entries answer, so the wait ends on this word's results.
      search.push(await timeInPage(page, () => box.fill(word), () => page.locator(`.entries[data-query="${word}"]`).waitFor()));
      const started = performance.now();
      const response = await fetch(new URL(`/api/entries?collection=news&q=${encodeURIComponent(word)}&limit=50`, url), { headers: { authorization: `Bearer ${token}` } });
      await response.json();
      server.push(performance.now() - started);
    }
    await box.fill("");

    await page.locator(".entries a").nth(25).click();
    await page.locator(".cm-content").waitFor();
    await page.waitForFunction(() => ((window as unknown as StudioWindow).__studioPreview?.loads ?? 0) > 0);
    await page.evaluate(() => document.addEventListener("keydown", () => ((window as unknown as { lastKey: number }).lastKey = performance.now()), true));
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    const fromKey: number[] = [];
    const fromPause: number[] = [];
    const answer: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < options.runs * 2; i++) {
      const loads = await page.evaluate(() => (window as unknown as StudioWindow).__studioPreview!.loads);
      const marker = `Z${i}q`;
      await page.keyboard.type(` ${marker}`);
      await page.waitForFunction((n) => (window as unknown as StudioWindow).__studioPreview!.loads > n, loads);
      await page.frameLocator("iframe.preview-frame").locator("body", { hasText: marker }).waitFor();
      const t = await page.evaluate(() => ({ key: (window as unknown as { lastKey: number }).lastKey, ...(window as unknown as StudioWindow).__studioPreview! }));
      fromKey.push(t.loadedAt - t.key);
      fromPause.push(t.loadedAt - t.requestedAt);
      answer.push(t.respondedAt - t.requestedAt);
      frame.push(t.loadedAt - t.respondedAt);
      await page.waitForTimeout(300);
    }

    process.stdout.write(
      `plinth studio, ${options.posts.toLocaleString("en")} posts, Chromium (${os.cpus().length} cores); studio started (first build included) in ${(startMs / 1000).toFixed(1)} s\n` +
        `app.js ${(app.length / 1024).toFixed(0)} KB, ${(gzipSync(app, { level: 9 }).length / 1024).toFixed(1)} KB gzipped\n\n` +
        `| step | runs | median | p90 | min | max | note |\n|---|---:|---:|---:|---:|---:|---|\n` +
        row("open the news collection", open, `click to "${total}" listed`) +
        row("search it (in the app)", search, "typing to matches listed; includes the list's 200 ms pause") +
        row("search it (server only)", server, "GET /api/entries?q=…, from node") +
        row("preview from the keystroke", fromKey, "keystroke to the frame loaded; includes the 150 ms pause") +
        row("preview after the pause", fromPause, "POST /api/preview, render, frame load") +
        row("- of which POST /api/preview", answer, "the server applies the text and renders") +
        row("- of which the frame's reload", frame, "GET /preview/… and the page's CSS and images"),
    );
  } finally {
    await context.close();
    child.kill("SIGTERM");
    await rm(profile, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench:studio] ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
