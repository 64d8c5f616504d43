/**
 * Two tabs editing the same post at once, as two people would: each sees that the other has it
 * open; changes to different lines are merged on the second save and the editor shows the
 * merged text; changes to the same line show both versions and the merge with markers, and
 * nothing is written until the user chooses.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { editorText, openCollection, openEntry, save, selectWordInEditor, typeAtEnd } from "./journey-helpers.js";
import { openBrowser, skipWithoutChromium, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

const POST = "news/2023-04-12-trademark-policy-draft.md";

describe("two tabs editing the same post", { skip: skipWithoutChromium }, () => {
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  let ann: Page;
  let bob: Page;
  before(async () => {
    ({ studio, url } = await StudioProcess.start());
    browser = await openBrowser();
    ann = browser.page;
    bob = await browser.context.newPage();
  });
  after(async () => {
    await browser?.close();
    await studio?.stop();
  });

  const open = async (page: Page) => {
    await page.goto(url);
    await openCollection(page, /news/i);
    await openEntry(page, "trademark", /Draft Trademark Policy/);
  };

  test("each tab sees the other; different lines merge and both are kept", async () => {
    await open(ann);
    await open(bob);
    await bob.locator(".presence", { hasText: /also has this open/ }).waitFor({ timeout: WAIT_MS });

    await selectWordInEditor(ann, "stickers");
    await ann.keyboard.type("T-shirts");
    await typeAtEnd(bob, "\nBob's closing line.");
    await save(ann);
    const afterAnn = studio.file(POST);
    assert.match(afterAnn, /slides and T-shirts\./);

    await bob.getByRole("button", { name: "Save", exact: true }).click();
    await bob.locator(".save-status.saved", { hasText: /merged/ }).waitFor({ timeout: WAIT_MS });
    const both = studio.file(POST);
    assert.match(both, /slides and T-shirts\./, "Ann's change is kept");
    assert.match(both, /Bob's closing line\./, "and so is Bob's");
    assert.match(await editorText(bob), /slides and T-shirts\./, "Bob's editor shows the merged text");
    assert.equal(studio.git("status", "--porcelain", POST), "");
    assert.equal(studio.git("show", `HEAD:${POST}`), both);
    assert.equal(studio.git("show", `HEAD~1:${POST}`), afterAnn);
  });

  test("the same line changed in both tabs shows both versions and the merge, and writes nothing", async () => {
    await open(ann);
    await selectWordInEditor(ann, "meetup");
    await ann.keyboard.type("conference");
    await selectWordInEditor(bob, "meetup");
    await bob.keyboard.type("hackathon");
    await save(ann);
    const onDisk = studio.file(POST);
    assert.match(onDisk, /a community conference or user group/);

    await bob.getByRole("button", { name: "Save", exact: true }).click();
    const dialog = bob.getByRole("alertdialog");
    await dialog.waitFor({ timeout: WAIT_MS });
    assert.match(await bob.locator("#conflict-mine").inputValue(), /community hackathon or/);
    assert.match(await bob.locator("#conflict-theirs").inputValue(), /community conference or/);
    const merged = await bob.locator("#conflict-merged").inputValue();
    assert.match(merged, /<<<<<<< saved meanwhile\n.*community conference or.*\n=======\n.*community hackathon or.*\n>>>>>>> yours\n/);
    assert.match(merged, /Bob's closing line\./, "the lines around the conflict are merged");
    assert.equal(studio.file(POST), onDisk, "nothing written until Bob chooses");

    await bob.getByRole("button", { name: "Edit the combined text" }).click();
    await dialog.waitFor({ state: "detached", timeout: WAIT_MS });
    const text = await editorText(bob);
    assert.match(text, /community conference or/);
    assert.match(text, /community hackathon or/);
    // Bob keeps his word: the marker lines and Ann's line go (Ctrl+Shift+K deletes a line), and the
    // save is based on Ann's revision.
    await selectWordInEditor(bob, "meanwhile");
    for (let i = 0; i < 3; i++) await bob.keyboard.press("Control+Shift+K");
    await selectWordInEditor(bob, "yours");
    await bob.keyboard.press("Control+Shift+K");
    await save(bob);
    const resolved = studio.file(POST);
    assert.match(resolved, /a community hackathon or user group/);
    assert.doesNotMatch(resolved, /<<<<<<<|=======|>>>>>>>/);
    assert.match(resolved, /Bob's closing line\./);
    assert.match(studio.git("show", `HEAD~1:${POST}`), /community conference or/, "Ann's version is in the history");
    // The 409 (and the browser's own favicon request) show as failed loads; anything else is a bug.
    assert.deepEqual(browser.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  });
});
