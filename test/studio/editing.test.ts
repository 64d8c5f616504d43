/**
 * Editing an existing post in the studio: the preview follows the unsaved text, a save
 * changes only what was typed and commits it, a change made on disk meanwhile is not
 * overwritten without the user choosing, and unsaved text survives a reload.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { editorText, openCollection, openEntry, preview, save, selectWordInEditor, typeAtEnd, waitForPreviewText } from "./journey-helpers.js";
import { openBrowser, seriousAxeViolations, skipWithoutChromium, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

const POST = "news/2023-04-12-trademark-policy-draft.md";
const TYPO = "the project's original authors transfered the Lintel name";
const FIXED = "the project's original authors transferred the Lintel name";
const JS_POST = "news/2023-08-01-written-in-javascript.md";
const JS_TEXT = '---js\n{ title: "Written in JavaScript", date: new Date("2023-08-01T10:00:00Z"), tags: ["governance"], layout: "layouts/news.njk", description: "Front matter as an object literal." }\n---\nA post whose front matter is JavaScript.\n';

describe("editing a post in the studio", { skip: skipWithoutChromium }, () => {
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  let original: string;
  before(async () => {
    ({ studio, url } = await StudioProcess.start({
      prepare: (dir) => {
        const file = path.join(dir, POST);
        writeFileSync(file, readFileSync(file, "utf8").replace(FIXED, TYPO));
        writeFileSync(path.join(dir, JS_POST), JS_TEXT);
      },
    }));
    original = studio.file(POST);
    assert.ok(original.includes(TYPO));
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("a fixed typo shows in the preview before saving, and the save changes only that word", async () => {
    const { page } = browser;
    await page.goto(url);
    await openCollection(page, /news/i);
    await openEntry(page, "trademark", /Draft Trademark Policy/);
    await waitForPreviewText(page, TYPO);
    assert.equal(await page.locator("#field-layout").inputValue(), "layouts/news.njk", "selects show the file's value");
    assert.equal(await page.locator("#field-index").inputValue(), "true");

    await selectWordInEditor(page, "transfered");
    await page.keyboard.type("transferred");
    await waitForPreviewText(page, FIXED);
    assert.equal(studio.file(POST), original, "nothing is written before the user saves");
    assert.equal(await preview(page).locator("h1").first().textContent(), "Draft Trademark Policy Open for Comment", "the preview is the site's own layout");

    assert.deepEqual(await seriousAxeViolations(page), []);
    await save(page);
    assert.equal(studio.file(POST), original.replace(TYPO, FIXED));
    assert.match(studio.git("log", "-1", "--format=%s"), /trademark-policy-draft/);
    assert.equal(studio.git("status", "--porcelain", POST), "");
  });

  test("the preview can show a page that lists the entry, with the unsaved title", async () => {
    const { page } = browser;
    await page.locator("#field-title").fill("Trademark Policy, Unsaved Title");
    await waitForPreviewText(page, "Trademark Policy, Unsaved Title");
    const listing = page.locator("#preview-target option", { hasText: "(/news/)" });
    await listing.waitFor({ state: "attached", timeout: WAIT_MS });
    await page.locator("#preview-target").selectOption((await listing.getAttribute("value"))!);
    await preview(page).locator("a", { hasText: "Trademark Policy, Unsaved Title" }).first().waitFor({ timeout: WAIT_MS });
    assert.equal(await preview(page).locator("h1", { hasText: "Draft Trademark Policy Open for Comment" }).count(), 0, "this is the index, not the post");
    await page.locator("#preview-target").selectOption("");
    await page.locator("#field-title").fill("Draft Trademark Policy Open for Comment");
    await preview(page).locator("h1", { hasText: "Draft Trademark Policy Open for Comment" }).waitFor({ timeout: WAIT_MS });
    await page.locator(".save-status", { hasText: /Unsaved changes/ }).waitFor({ state: "detached", timeout: WAIT_MS });
  });

  test("a template error shows at its line in the editor, and the preview keeps the last good page", async () => {
    const { page } = browser;
    const broken = "\n{{ title | nosuchfilter }}";
    await typeAtEnd(page, broken);
    const marker = page.locator(".cm-lint-marker-error");
    await marker.waitFor({ timeout: WAIT_MS });
    const line = await page.locator(".cm-lintRange-error").first().textContent();
    assert.match(line ?? "", /nosuchfilter/);
    await preview(page).locator("body", { hasText: FIXED }).waitFor({ timeout: WAIT_MS });
    assert.equal(await preview(page).locator("body", { hasText: "nosuchfilter" }).count(), 0);
    for (let i = 0; i < broken.length; i++) await page.keyboard.press("Backspace");
    await marker.waitFor({ state: "detached", timeout: WAIT_MS });
    assert.equal(studio.file(POST), original.replace(TYPO, FIXED), "nothing of it was saved");
  });

  test("a save over a change made on disk shows both versions, and nothing is lost", async () => {
    const { page } = browser;
    await typeAtEnd(page, "\nA paragraph written in the studio.");
    // A new last line on disk where the studio adds one too: the same place, so no merge (a change
    // to other lines alone would be merged: test/studio/two-tabs.test.ts).
    const onDisk = `${studio.file(POST).replace("title: Draft Trademark Policy Open for Comment", "title: Draft Trademark Policy, Comments Welcome")}Added on disk.\n`;
    writeFileSync(path.join(studio.dir, POST), onDisk);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor({ timeout: WAIT_MS });
    assert.match(await page.locator("#conflict-mine").inputValue(), /A paragraph written in the studio\./);
    assert.match(await page.locator("#conflict-theirs").inputValue(), /Comments Welcome/);
    assert.equal(studio.file(POST), onDisk, "the disk's version is untouched until the user chooses");

    await page.getByRole("button", { name: "Use the version on disk" }).click();
    await dialog.waitFor({ state: "detached", timeout: WAIT_MS });
    assert.equal(await page.locator("#field-title").inputValue(), "Draft Trademark Policy, Comments Welcome");
    assert.doesNotMatch(await editorText(page), /written in the studio/);

    await typeAtEnd(page, "\nSecond try.");
    await save(page);
    assert.equal(studio.file(POST), `${onDisk}\nSecond try.`);
  });

  test("unsaved changes survive a reload and are offered back", async () => {
    const { page } = browser;
    const before = studio.file(POST);
    await typeAtEnd(page, "\nTyped before the tab was reloaded.");
    await page.locator(".save-status", { hasText: "Unsaved changes" }).waitFor({ timeout: WAIT_MS });
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith("plinth-studio:draft:")), undefined, { timeout: WAIT_MS });
    // The app asks before a tab with unsaved text goes away; the user says leave.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole("button", { name: "Restore my changes" }).click();
    await waitForPreviewText(page, "Typed before the tab was reloaded.");
    assert.equal(studio.file(POST), before, "restoring does not save");
    await page.locator(".cm-content").click();
    await save(page, "keyboard");
    assert.equal(studio.file(POST), `${before}\nTyped before the tab was reloaded.`);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("plinth-studio:draft:")).length), 0);
  });

  test("duplicate copies the text; delete lists the pages that link to the entry and asks first", async () => {
    const { page } = browser;
    const source = "news/2023-02-08-harbor-and-pine-joins-as-gold-member.md";
    const copy = "news/2023-02-08-harbor-and-pine-joins-as-gold-member-copy.md";
    await openEntry(page, "harbor", /Harbor & Pine Joins/);
    await page.getByRole("button", { name: "Duplicate" }).click();
    assert.equal(await page.getByLabel("New path").inputValue(), copy);
    await page.getByRole("button", { name: "Duplicate", exact: true }).last().click();
    await page.locator(".entry-path", { hasText: copy }).waitFor({ timeout: WAIT_MS });
    assert.equal(studio.file(copy), studio.file(source));

    await page.getByRole("button", { name: "Delete" }).click();
    const warning = page.locator(".entry-action .warning");
    await warning.waitFor({ timeout: WAIT_MS });
    assert.match((await warning.textContent()) ?? "", /\/news\//, "the news index lists it");
    assert.ok(existsSync(path.join(studio.dir, copy)), "nothing is deleted before the user confirms");
    await page.getByRole("button", { name: `Delete ${copy}` }).click();
    await page.locator(".entry-editor").waitFor({ state: "detached", timeout: WAIT_MS });
    assert.equal(existsSync(path.join(studio.dir, copy)), false);
    assert.equal(studio.git("status", "--porcelain"), "", "the deletion is committed");
  });

  test("front matter the form cannot edit (---js) is edited as text, and only what was typed changes", async () => {
    const { page } = browser;
    await openEntry(page, "Written in JavaScript", /Written in JavaScript/);
    await page.getByRole("note").filter({ hasText: "cannot be edited as a form" }).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator(".front-matter").count(), 0);
    assert.match(await editorText(page), /^---js\n\{ title: "Written in JavaScript"/);
    await typeAtEnd(page, "Edited in the studio.");
    await waitForPreviewText(page, "Edited in the studio.");
    await save(page);
    assert.equal(studio.file(JS_POST), `${JS_TEXT}Edited in the studio.`);
  });
});
