/**
 * How the preview frame takes a new build: a page without scripts of its own is patched in
 * place (the frame does not navigate, the reader keeps their scroll position); a page with a
 * script reloads, so its scripts run as they will when published.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { openCollection, openEntry, typeAtEnd, waitForPreviewText } from "./journey-helpers.js";
import { openBrowser, skipWithoutChromium, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

const LONG_POST = "news/2023-04-12-trademark-policy-draft.md";
const SCRIPTED_POST = "news/2022-11-16-security-initiative.md";

/** Marks the frame's window; a navigation or reload gives the frame a new window without the mark. */
async function markFrame(page: Page): Promise<void> {
  await page.locator("iframe.preview-frame").evaluate((frame: HTMLIFrameElement) => {
    (frame.contentWindow as unknown as { previewMark?: boolean }).previewMark = true;
  });
}

async function frameState(page: Page): Promise<{ marked: boolean; scrollY: number }> {
  return page.locator("iframe.preview-frame").evaluate((frame: HTMLIFrameElement) => {
    const win = frame.contentWindow as unknown as Window & { previewMark?: boolean };
    return { marked: win.previewMark === true, scrollY: win.scrollY };
  });
}

describe("the preview frame", { skip: skipWithoutChromium }, () => {
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  before(async () => {
    ({ studio, url } = await StudioProcess.start({
      prepare: (dir) => {
        // Long enough to scroll.
        const long = path.join(dir, LONG_POST);
        writeFileSync(long, `${readFileSync(long, "utf8")}\n${Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of a long post.\n`).join("\n")}`);
        const layouts = path.join(dir, "_includes/layouts");
        writeFileSync(path.join(layouts, "scripted.njk"), readFileSync(path.join(layouts, "news.njk"), "utf8").replace("</article>", '</article>\n<script src="/img/no-such-script.js"></script>'));
        const scripted = path.join(dir, SCRIPTED_POST);
        writeFileSync(scripted, readFileSync(scripted, "utf8").replace("layout: layouts/news.njk", "layout: layouts/scripted.njk"));
      },
    }));
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("a page without scripts takes the new text in place, keeping its scroll position", async () => {
    const { page } = browser;
    await page.goto(url);
    await openCollection(page, /news/i);
    await openEntry(page, "trademark", /Draft Trademark Policy/);
    await waitForPreviewText(page, "Paragraph 79 of a long post.");
    await page.locator("iframe.preview-frame").evaluate((frame: HTMLIFrameElement) => frame.contentWindow!.scrollTo(0, 600));
    await markFrame(page);
    await typeAtEnd(page, " Patched in place.");
    await waitForPreviewText(page, "Patched in place.");
    const state = await frameState(page);
    assert.equal(state.marked, true, "the frame did not navigate");
    assert.equal(state.scrollY, 600);
    assert.equal(studio.file(LONG_POST).includes("Patched in place."), false, "nothing is saved");
  });

  test("a page with a script of its own reloads to show the new text", async () => {
    const { page } = browser;
    await page.goto(url);
    await openCollection(page, /news/i);
    await openEntry(page, "security initiative", /A Security Initiative/);
    await page.frameLocator("iframe.preview-frame").locator('script[src="/img/no-such-script.js"]').waitFor({ state: "attached", timeout: WAIT_MS });
    await markFrame(page);
    await typeAtEnd(page, " Reloaded with its script.");
    await waitForPreviewText(page, "Reloaded with its script.");
    assert.equal((await frameState(page)).marked, false, "the frame reloaded");
  });
});
