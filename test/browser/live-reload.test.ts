/**
 * Live reload in a real browser: Debian's chromium, driven by playwright-core, looks at a page
 * of `plinth serve` while the test edits the site's files. Nothing here reloads the page by hand.
 * Skipped when /usr/bin/chromium is not installed, except in CI (test/support/browser.ts).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { copyFixture, removeDir, ServeProcess, WAIT_MS } from "../server/serve-process.js";
import { browserSkip, CHROMIUM, CHROMIUM_ARGS } from "../support/browser.js";

const skip = browserSkip();

/** True once the page's live-reload client has its event stream open. */
async function waitConnected(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __plinthLive?: { connected: boolean } }).__plinthLive?.connected === true, undefined, { timeout: WAIT_MS });
}

describe("live reload in chromium", { skip }, () => {
  let dir: string;
  let profile: string;
  let serve: ServeProcess;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  const src = (file: string) => path.join(dir, "src", file);
  const edit = (file: string, from: string, to: string) => writeFileSync(src(file), readFileSync(src(file), "utf8").replace(from, to));

  before(async () => {
    dir = copyFixture();
    profile = mkdtempSync(path.join(os.tmpdir(), "plinth-chromium-"));
    ({ serve, url } = await ServeProcess.start(dir));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    page = context.pages()[0] ?? (await context.newPage());
  });
  after(async () => {
    await context?.close();
    await serve?.stop();
    if (profile) removeDir(profile);
    if (dir) removeDir(dir);
  });

  test("an edited page updates in the open browser by itself", async () => {
    await page.goto(url);
    assert.equal(await page.textContent("#greeting"), "Hello");
    await waitConnected(page);
    edit("index.njk", "<p id=\"greeting\">Hello</p>", "<p id=\"greeting\">Hello from the editor</p>");
    await page.waitForFunction(() => document.querySelector("#greeting")?.textContent === "Hello from the editor", undefined, { timeout: WAIT_MS });
  });

  test("a CSS edit restyles the page without reloading it", async () => {
    await waitConnected(page);
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).color), "rgb(0, 0, 0)");
    writeFileSync(src("css/site.css"), "body { color: rgb(255, 0, 0); }\n");
    await page.waitForFunction(() => getComputedStyle(document.body).color === "rgb(255, 0, 0)", undefined, { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded), true, "the page was not reloaded");
  });

  test("an edit to another page leaves this one alone", async () => {
    await waitConnected(page);
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    edit("about.md", "About text.", "About text, edited.");
    // The about page's own update proves the build finished; this page must still be the same document.
    const other = await context.newPage();
    try {
      await other.goto(`${url}about/`);
      await other.waitForFunction(() => document.body.textContent?.includes("About text, edited."), undefined, { timeout: WAIT_MS });
    } finally {
      await other.close();
    }
    assert.equal(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded), true);
    assert.equal(await page.evaluate(() => (window as unknown as { __plinthLive: { last: string } }).__plinthLive.last), "none");
  });

  test("a broken template shows the overlay, and the page recovers when it is fixed", async () => {
    await waitConnected(page);
    const good = readFileSync(src("index.njk"), "utf8");
    writeFileSync(src("index.njk"), `${good}<p>{{ title | nosuchfilter }}</p>\n`);
    const overlay = page.locator("#plinth-error-overlay");
    await overlay.waitFor({ state: "visible", timeout: WAIT_MS });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /The site did not build \(1 error\)/);
    assert.match(text, /UnknownFilter/);
    assert.match(text, /\.\/src\/index\.njk:\d+:\d+/);
    assert.match(text, /Hint:/);
    assert.match((await page.locator("#plinth-error-overlay .plinth-frame").textContent()) ?? "", /> *\d+ \| <p>{{ title \| nosuchfilter }}<\/p>/);

    // A page opened while the site is broken shows the overlay from the start.
    const fresh = await context.newPage();
    try {
      await fresh.goto(`${url}about/`);
      assert.equal(await fresh.locator("#plinth-error-overlay").count(), 1);
    } finally {
      await fresh.close();
    }

    writeFileSync(src("index.njk"), good.replace("Hello from the editor", "Hello after the fix"));
    await page.waitForFunction(() => document.querySelector("#greeting")?.textContent === "Hello after the fix", undefined, { timeout: WAIT_MS });
    assert.equal(await page.locator("#plinth-error-overlay").count(), 0);
  });
});
