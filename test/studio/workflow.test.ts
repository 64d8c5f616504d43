/**
 * The review journeys through the real app, as a team with accounts (drafts live on entry
 * branches): a writer logs in, writes a post and submits it, and the site does not change; an
 * editor logs in, finds it on the board, reviews the diff and publishes it; a broken template
 * blocks a publish with its error at its file and line, and nothing moves.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { logIn, logOut, openCollection, openEntry, save, typeAtEnd, startTeamJourney, type TeamJourney } from "./journey-helpers.js";
import { seriousAxeViolations, skipWithoutChromium, WAIT_MS, type Browser, type StudioProcess } from "./studio-browser.js";

const TITLE = "Board Election Results Announced";

describe("review and publishing in the studio", { skip: skipWithoutChromium }, () => {
  let journey: TeamJourney;
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  let created = "";
  before(async () => {
    // With accounts, saves go to entry branches and every change needs a login.
    journey = await startTeamJourney([
      { name: "wanda", role: "writer" },
      { name: "ed", role: "editor" },
    ]);
    ({ studio, url, browser } = journey);
  });
  after(() => journey?.stop());

  test("a writer writes a post and submits it; the site does not change", async () => {
    const { page } = browser;
    const main = studio.git("rev-parse", "main").trim();
    await page.goto(url);
    await logIn(page, "wanda");
    await openCollection(page, /news/i);
    await page.getByRole("button", { name: "New entry" }).click();
    await page.getByLabel("Title of the new entry").fill(TITLE);
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator(".cm-content").waitFor({ timeout: WAIT_MS });
    await typeAtEnd(page, "\nThe members elected three new directors.");
    await save(page);
    await page.locator(".state-badge", { hasText: "Draft" }).waitFor({ timeout: WAIT_MS });
    created = (await page.locator(".entry-path").first().textContent())?.trim() ?? "";
    assert.match(created, /^news\/.*board-election-results-announced\.md$/);
    assert.equal(existsSync(path.join(studio.dir, created)), false, "the draft is not in the site's folder");
    const branch = `studio/${created.replace(/\.md$/, "")}`;
    assert.match(studio.git("show", `${branch}:${created}`), /The members elected three new directors\./);
    assert.equal(studio.git("log", "-1", "--format=%an", branch).trim(), "wanda", "the writer's commit");
    assert.equal(await page.getByRole("button", { name: "Review changes and publish…" }).count(), 0, "a writer is not offered publishing");

    await page.getByLabel("Comment (optional)").fill("Ready for a look");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.locator(".state-badge", { hasText: "In review" }).waitFor({ timeout: WAIT_MS });
    assert.match(studio.git("log", "-1", "--format=%B", branch), /Ready for a look\n\nStudio-Path: .*\nStudio-State: review/);
    assert.equal(studio.git("rev-parse", "main").trim(), main, "main did not move");
    assert.deepEqual(await seriousAxeViolations(page), []);
  });

  test("an editor finds it on the board, reviews the diff and publishes it", async () => {
    const { page } = browser;
    await logOut(page);
    await logIn(page, "ed");
    await page.getByRole("link", { name: "Board", exact: true }).click();
    await page.getByRole("heading", { name: "Work in progress" }).waitFor({ timeout: WAIT_MS });
    const column = page.locator(".board-column", { has: page.getByRole("heading", { name: /In review/ }) });
    await column.getByRole("link", { name: TITLE }).click();
    await page.locator(".state-badge", { hasText: "In review" }).waitFor({ timeout: WAIT_MS });
    await page.getByRole("button", { name: "Review changes and publish…" }).click();
    const diff = page.locator(".publish-panel .diff");
    await diff.locator(".diff-added", { hasText: "The members elected three new directors." }).waitFor({ timeout: WAIT_MS });
    assert.ok((await diff.locator(".diff-added", { hasText: `title: ${TITLE}` }).count()) === 1, "the new post's front matter is in the diff");
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.locator(".notice", { hasText: /Published news\// }).waitFor({ timeout: WAIT_MS });
    await page.locator(".state-badge", { hasText: "Published" }).waitFor({ timeout: WAIT_MS });
    assert.equal(existsSync(path.join(studio.dir, created)), true, "the post is in the site's folder");
    assert.match(studio.file(created), /The members elected three new directors\./);
    assert.equal(studio.git("log", "-1", "--format=%an", "main").trim(), "ed", "the editor's publish");
    assert.match(studio.git("log", "-1", "--format=%s", "main").trim(), new RegExp(`^Publish ${created.replace(/[.]/g, "\\.")}: ${TITLE}$`));
    assert.equal(studio.git("status", "--porcelain", "--", created).trim(), "");
  });

  test("a broken template blocks the publish with its error, and nothing moves", async () => {
    const { page } = browser;
    const post = "news/2023-04-12-trademark-policy-draft.md";
    const before = studio.file(post);
    const main = studio.git("rev-parse", "main").trim();
    await openCollection(page, /news/i);
    await openEntry(page, "trademark", /Draft Trademark Policy/);
    await typeAtEnd(page, "\n{{ title | nosuchfilter }}");
    await save(page);
    await page.getByRole("button", { name: "Review changes and publish…" }).click();
    await page.getByRole("button", { name: "Publish now" }).click();
    const refused = page.locator(".publish-refused");
    await refused.waitFor({ timeout: WAIT_MS });
    assert.match((await refused.textContent()) ?? "", /not published/);
    const error = refused.locator(".build-errors li").first();
    assert.match((await error.textContent()) ?? "", /nosuchfilter/);
    assert.match((await error.locator("code").textContent()) ?? "", new RegExp(`^${post.replace(/[.]/g, "\\.")}:\\d+`), "the error names the file and line");
    assert.equal(studio.git("rev-parse", "main").trim(), main, "main did not move");
    assert.equal(studio.file(post), before, "the site's file did not change");
    assert.deepEqual(browser.problems.filter((text) => /Content Security Policy|Refused to/.test(text)), []);
    assert.match(studio.git("log", "-1", "--format=%an", "studio/news/2023-04-12-trademark-policy-draft").trim(), /^ed$/);
  });
});
