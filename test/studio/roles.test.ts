/**
 * Each role sees the controls it may use, in the real app: a writer edits a published post and
 * submits the draft, with no Publish, Approve or Delete on offer; an editor sees them; the
 * members manager opens a news post read-only, with the reason, and edits member entries; an
 * admin changes a role in the Users dialog, and the last admin stays one.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { UsersStore } from "../../src/studio/auth/users-store.js";
import { logIn, logOut, openCollection, openEntry, save, typeAtEnd, startTeamJourney, type TeamJourney } from "./journey-helpers.js";
import { seriousAxeViolations, skipWithoutChromium, WAIT_MS, type Browser, type StudioProcess } from "./studio-browser.js";

const POST = /Draft Trademark Policy/;

describe("what each role is offered in the studio", { skip: skipWithoutChromium }, () => {
  let journey: TeamJourney;
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  before(async () => {
    journey = await startTeamJourney([
      { name: "wanda", role: "writer" },
      { name: "ed", role: "editor" },
      { name: "mo", role: "members" },
      { name: "ada", role: "admin" },
    ]);
    ({ studio, url, browser } = journey);
  });
  after(() => journey?.stop());

  test("a writer saves a draft of a published post and submits it, and is offered no Publish, Approve or Delete", async () => {
    const { page } = browser;
    await page.goto(url);
    await logIn(page, "wanda");
    await openCollection(page, /news/i);
    await openEntry(page, "trademark", POST);
    assert.equal(await page.locator(".read-only").count(), 0, "a writer edits news");
    assert.equal(await page.getByRole("button", { name: "Delete", exact: true }).count(), 0, "no deleting a published entry");
    assert.equal(await page.getByRole("button", { name: "Rename", exact: true }).count(), 0, "renaming deletes the published path");
    assert.equal(await page.getByRole("button", { name: "Duplicate", exact: true }).count(), 1);
    await typeAtEnd(page, "\nA writer's addition.");
    await save(page);
    await page.locator(".state-badge", { hasText: "Draft" }).waitFor({ timeout: WAIT_MS });
    for (const name of ["Review changes and publish…", "Schedule…", "Approve", "Unpublish"]) {
      assert.equal(await page.getByRole("button", { name }).count(), 0, `no ${name}`);
    }
    assert.match((await page.locator(".role-note").textContent()) ?? "", /Your role \(writer\) may not publish\./);
    assert.equal(await page.getByRole("button", { name: "Discard draft" }).count(), 1, "a writer may throw away a draft");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.locator(".state-badge", { hasText: "In review" }).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByRole("button", { name: "Approve" }).count(), 0);
    await page.getByText("Waiting for an editor's review.").waitFor({ timeout: WAIT_MS });
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await page.getByRole("link", { name: POST }).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator(".board").getByRole("button").count(), 0, "the board offers no actions");
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  test("an editor is offered Approve, Publish and Delete for the same post", async () => {
    const { page } = browser;
    await logOut(page);
    await logIn(page, "ed");
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await page.getByRole("heading", { name: "Work in progress" }).waitFor({ timeout: WAIT_MS });
    await page.getByRole("link", { name: POST }).click();
    await page.locator(".state-badge", { hasText: "In review" }).waitFor({ timeout: WAIT_MS });
    for (const name of ["Approve", "Request changes", "Review changes and publish…", "Schedule…", "Delete"]) {
      await page.getByRole("button", { name, exact: true }).waitFor({ timeout: WAIT_MS });
    }
    assert.equal(await page.locator(".role-note").count(), 0, "nothing is held back");
  });

  test("the members manager opens a news post read-only, saying why, and edits member entries", async () => {
    const { page } = browser;
    await logOut(page);
    await logIn(page, "mo");
    await openCollection(page, /news/i);
    assert.match((await page.locator(".list-read-only").textContent()) ?? "", /Your role \(members\) may not edit entries outside the member roster\. Its entries open read-only\./);
    assert.equal(await page.getByRole("button", { name: "New entry" }).count(), 0);
    await openEntry(page, "trademark", POST);
    const note = page.locator(".read-only");
    await note.waitFor({ timeout: WAIT_MS });
    assert.match((await note.textContent()) ?? "", /^Read-only: Your role \(members\) may not edit entries outside the member roster\./);
    const saveButton = page.getByRole("button", { name: "Save", exact: true });
    assert.equal(await saveButton.isDisabled(), true);
    assert.match((await saveButton.getAttribute("title")) ?? "", /may not edit/);
    assert.equal(await page.locator(".cm-content").getAttribute("contenteditable"), "false");
    assert.equal(await page.locator("#field-title").isDisabled(), true);
    for (const name of ["Delete", "Rename", "Duplicate", "Media", "Submit for review", "Discard draft"]) {
      assert.equal(await page.getByRole("button", { name, exact: true }).count(), 0, `no ${name}`);
    }
    const before = studio.file("news/2023-04-12-trademark-policy-draft.md");
    await page.locator(".cm-content").click();
    await page.keyboard.type("typed into a read-only entry");
    await page.keyboard.press("Control+S");
    assert.equal(await page.getByText("typed into a read-only entry").count(), 0, "typing changes nothing");
    assert.equal(studio.file("news/2023-04-12-trademark-policy-draft.md"), before);
    assert.deepEqual(await seriousAxeViolations(page), [], "the read-only editor");

    await openCollection(page, /members/i);
    assert.equal(await page.locator(".list-read-only").count(), 0);
    await page.getByRole("button", { name: "New entry" }).waitFor({ timeout: WAIT_MS });
    await openEntry(page, "aurora", /Aurora/);
    assert.equal(await page.locator(".read-only").count(), 0, "member entries are the members manager's");
    assert.equal(await page.getByRole("button", { name: "Save", exact: true }).isDisabled(), false);
    assert.equal(await page.locator(".cm-content").getAttribute("contenteditable"), "true");
  });

  test("an admin changes a role in the Users dialog; the last admin stays one", async () => {
    const { page } = browser;
    await logOut(page);
    await logIn(page, "ada");
    await page.locator(".user-menu > button").click();
    await page.getByRole("menuitem", { name: "Users…" }).click();
    const dialog = page.getByRole("dialog", { name: "Users" });
    await dialog.getByLabel("Role of wanda").selectOption("editor");
    await dialog.getByRole("status").filter({ hasText: "wanda is now editor. Their sessions have ended" }).waitFor({ timeout: WAIT_MS });
    const users = new UsersStore(path.join(studio.dir, ".plinth-studio"));
    assert.equal(users.get("wanda")?.role, "editor");
    await dialog.getByLabel("Role of ada").selectOption("writer");
    await dialog.getByRole("alert").filter({ hasText: /ada is the only admin, so they stay one\. Make another user an admin first/ }).waitFor({ timeout: WAIT_MS });
    assert.equal(await dialog.getByLabel("Role of ada").inputValue(), "admin", "the select shows the role ada kept");
    assert.equal(users.get("ada")?.role, "admin");
    assert.match(studio.stdout, /"ada" made "wanda" editor/);
  });
});
