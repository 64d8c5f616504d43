/**
 * The first journey: a writer recreates the seed post in the studio from nothing —
 * a new entry, its front matter typed into the form, its body pasted — renames it to the
 * seed's file name, and the site builds to the same page the seed file builds to.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "yaml";
import { repoRoot } from "../server/serve-process.js";
import { copySite } from "../support/studio-site.js";
import { openCollection, save } from "./journey-helpers.js";
import { openBrowser, paste, seriousAxeViolations, skipWithoutChromium, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

const SEED_PATH = "news/2023-03-22-openinfra-associate-membership.md";
const PAGE = "_site/news/2023-03-22-openinfra-associate-membership/index.html";
const seed = readFileSync(path.join(repoRoot, "examples/foundation", SEED_PATH), "utf8");
const seedBody = seed.slice(seed.indexOf("\n---\n", 4) + 5);
const seedData = parse(seed.slice(4, seed.indexOf("\n---\n", 4))) as Record<string, unknown>;

function build(dir: string): void {
  execFileSync(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "build", "--no-cache"], { cwd: dir, stdio: "pipe" });
}

describe("writing the seed post from scratch in the studio", { skip: skipWithoutChromium }, () => {
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  before(async () => {
    ({ studio, url } = await StudioProcess.start({ prepare: (dir) => rmSync(path.join(dir, SEED_PATH)) }));
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("a new post, its form filled and its body pasted, builds to the seed's page", async () => {
    const { page } = browser;
    await page.goto(url);
    await openCollection(page, /news/i);
    await page.getByRole("button", { name: "New entry" }).click();
    await page.getByLabel("Title of the new entry").fill(String(seedData.title));
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator(".cm-content").waitFor({ timeout: WAIT_MS });

    assert.equal(await page.locator("#field-title").inputValue(), seedData.title);
    await page.locator("#field-description").fill(String(seedData.description));
    await page.locator("#field-date").fill("2023-03-22T12:30:00");
    // Tags: whatever the collection's defaults gave, then exactly the seed's.
    for (let chip = page.locator(".field-tags li button").first(); (await chip.count()) > 0; chip = page.locator(".field-tags li button").first()) await chip.click();
    await page.locator("#field-tags").fill("announcement");
    await page.locator("#field-tags").press("Enter");
    await page.locator("#field-index").selectOption("false");
    const layout = page.locator("#field-layout");
    if ((await layout.count()) > 0 && (await layout.inputValue()) !== seedData.layout) await layout.selectOption(String(seedData.layout));

    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await paste(page, ".cm-content", { text: seedBody });
    await save(page);

    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByLabel("New path").fill(SEED_PATH);
    await page.getByRole("button", { name: "Rename", exact: true }).last().click();
    await page.locator(".entry-path", { hasText: SEED_PATH }).waitFor({ timeout: WAIT_MS });

    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.deepEqual(browser.problems.filter((text) => /Content Security Policy|Refused to/.test(text)), []);
    // CodeMirror's own styles (a constructed stylesheet, which the CSP allows) are in force.
    assert.equal(await page.locator(".cm-editor").evaluate((element) => getComputedStyle(element).display), "flex");

    const written = studio.file(SEED_PATH);
    assert.equal(written.slice(written.indexOf("\n---\n", 4) + 5), seedBody, "the pasted body is stored byte for byte");
    const data = parse(written.slice(4, written.indexOf("\n---\n", 4))) as Record<string, unknown>;
    for (const key of ["title", "description", "tags", "index", "layout"]) assert.deepEqual(data[key], seedData[key], key);
    assert.match(studio.git("log", "--format=%s"), /2023-03-22-openinfra-associate-membership/);

    const reference = copySite();
    try {
      build(reference);
      build(studio.dir);
      assert.equal(readFileSync(path.join(studio.dir, PAGE), "utf8"), readFileSync(path.join(reference, PAGE), "utf8"));
    } finally {
      rmSync(reference, { recursive: true, force: true });
    }
  });
});
