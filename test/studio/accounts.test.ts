/**
 * Accounts in the studio, in the browser: an admin logs in, adds a user in the app and hands
 * over the one-time link; the new user sets a password and logs in. The members manager logs
 * in and adds a member with a logo. Markup in titles and fields shows as text.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { addUsers, PASSWORD } from "../support/studio-team.js";
import { logIn, openCollection, save } from "./journey-helpers.js";
import { openBrowser, seriousAxeViolations, skipWithoutChromium, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#246"/><text x="10" y="26" fill="#fff">Lumen</text></svg>\n`;

/** What the browser refused or failed at, leaving out the expected 401 of /api/me before login. */
function realProblems(browser: Browser): string[] {
  return browser.problems.filter((p) => !/401 \(Unauthorized\)/.test(p) && !/favicon\.ico/.test(p));
}

describe("accounts in the studio", { skip: skipWithoutChromium }, () => {
  let studio: StudioProcess;
  let base: string;
  let browser: Browser;
  before(async () => {
    let url: string;
    ({ studio, url } = await StudioProcess.start());
    base = url.replace(/\?token=.*$/, "");
    // Accounts added while it runs: from now on everyone logs in and the token opens nothing.
    await addUsers(studio.dir, [
      { name: "ada", role: "admin" },
      { name: "mo", role: "members" },
    ]);
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("an admin adds a user in the app, who sets a password through the link and logs in", async () => {
    const { page } = browser;
    await page.goto(base);
    await page.getByRole("heading", { name: "Plinth Studio" }).waitFor({ timeout: WAIT_MS });
    assert.deepEqual(await seriousAxeViolations(page), [], "the login page");
    await page.getByLabel("Name").fill("ada");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").filter({ hasText: /name or the password is wrong/i }).waitFor({ timeout: WAIT_MS });
    await logIn(page, "ada", PASSWORD);
    await page.locator("nav.collections a").first().waitFor({ timeout: WAIT_MS });

    await page.locator(".user-menu > button").click();
    await page.getByRole("menuitem", { name: "Users…" }).click();
    const dialog = page.getByRole("dialog", { name: "Users" });
    await dialog.getByRole("cell", { name: "mo", exact: true }).waitFor({ timeout: WAIT_MS });
    await dialog.getByLabel("Name").fill("nia");
    await dialog.locator("form.users-add").getByLabel("Role").selectOption("writer");
    await dialog.getByLabel(/Email/).fill("nia@example.org");
    await dialog.getByRole("button", { name: "Add user" }).click();
    const linkField = dialog.getByLabel(/Send nia this one-time link/);
    await linkField.waitFor({ timeout: WAIT_MS });
    const link = await linkField.inputValue();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#set-password=[\w-]+$/);
    assert.deepEqual(await seriousAxeViolations(page), [], "the users dialog");
    await dialog.getByRole("button", { name: "Close users" }).click();
    await page.locator(".user-menu > button").click();
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in" }).waitFor({ timeout: WAIT_MS });

    // Nia opens the link (here in the same browser, logged out).
    await page.goto(link);
    await page.getByLabel("New password").fill("nia's own passphrase");
    await page.getByLabel("Repeat the password").fill("nia's own passphrase");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.getByRole("status").filter({ hasText: /password is set/i }).waitFor({ timeout: WAIT_MS });
    assert.equal(new URL(page.url()).hash, "", "the token leaves the address bar");
    assert.equal(await page.getByLabel("Name").inputValue(), "nia");
    await page.getByLabel("Password").fill("nia's own passphrase");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.locator(".user-menu button", { hasText: "nia" }).waitFor({ timeout: WAIT_MS });
    assert.match((await page.locator(".user-menu > button").textContent()) ?? "", /writer/);
    await page.locator(".user-menu > button").click();
    assert.equal(await page.getByRole("menuitem", { name: "Users…" }).count(), 0, "a writer has no users menu");
    assert.match(studio.stdout, /login: "nia" \(writer\)/);
    assert.ok(!studio.stdout.includes("nia's own passphrase") && !studio.stderr.includes("nia's own passphrase"));
    assert.deepEqual(realProblems(browser), []);
  });

  test("the members manager logs in and adds a member with a logo", async () => {
    const context = await browser.context.browser()?.newContext();
    const page = context ? await context.newPage() : browser.page;
    page.once("dialog", (dialog) => void dialog.accept());
    await page.context().clearCookies();
    await page.goto(base);
    await logIn(page, "mo", PASSWORD);
    await openCollection(page, /members/i);
    await page.getByRole("button", { name: "New entry" }).click();
    await page.getByLabel("Title of the new entry").fill("Lumen Works");
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator(".cm-content").waitFor({ timeout: WAIT_MS });
    const created = (await page.locator(".entry-path").textContent())!;
    assert.match(created, /^members\/lumen-works[-\w]*\.md$/);
    const name = page.locator("#field-name");
    if ((await name.inputValue()) === "") await name.fill("Lumen Works");
    await page.locator("#field-level").selectOption("silver");
    await page.locator("#field-url").fill("https://lumen.example");
    await page.getByLabel(/Upload an image for logo/i).setInputFiles({ name: "Lumen Works.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
    await page.locator(".image-field .status", { hasText: "Uploaded" }).waitFor({ timeout: WAIT_MS });
    const logo = await page.locator("#field-logo").inputValue();
    assert.match(logo, /^\/img\/members\/lumen-works[-\w]*\.svg$/);
    assert.ok(existsSync(path.join(studio.dir, logo.replace(/^\//, ""))));
    await page.locator(".cm-content").click();
    await page.keyboard.type("Lumen Works makes lighting for data centres.");
    await save(page);
    // The member's text is committed by mo (on the entry's own branch when saves go through review).
    const git = (...args: string[]) => execFileSync("git", args, { cwd: studio.dir, encoding: "utf8" });
    const last = git("log", "--all", "-1", "--format=%an%n%H").split("\n");
    assert.equal(last[0], "mo");
    const text = git("show", `${last[1]}:${created}`);
    assert.match(text, /^level: silver$/m);
    assert.match(text, /Lumen Works makes lighting/);
    await context?.close();
  });

  test("markup in a title and a field value shows as text, runs nothing", async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await page.goto(base);
    await logIn(page, "ada", PASSWORD);
    const evil = `<img src=x onerror="window.__xss=1">`;
    const created = await page.evaluate(async (title) => {
      const me = await (await fetch("/api/me")).json();
      const res = await fetch("/api/entry", { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken }, body: JSON.stringify({ collection: "news", title, frontMatter: { summary: title } }) });
      return { status: res.status, path: ((await res.json()) as { path: string }).path };
    }, `Evil ${evil}`);
    assert.equal(created.status, 201);
    await page.goto(`${base}#/?collection=news&entry=${encodeURIComponent(created.path)}`);
    await page.locator(".cm-content").waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator("#field-title").inputValue(), `Evil ${evil}`, "the title as text in its field");
    // The commit messages in the entry's history, when the workflow shows one.
    const history = page.getByRole("button", { name: "History" });
    if (await history.count()) {
      await history.click();
      await page.locator(".history-list li").first().waitFor({ timeout: WAIT_MS });
    }
    // The board lists drafts by title.
    await page.goto(`${base}#/board`);
    await page.getByRole("heading", { name: "Work in progress" }).waitFor({ timeout: WAIT_MS });
    const onBoard = await page.getByText(`Evil ${evil}`).count();
    assert.ok(onBoard >= 1, "the draft is on the board, its title as text");
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, "no markup ran");
    assert.equal(await page.locator("img[src='x']").count(), 0, "no element made from the markup");
    assert.deepEqual(browser.problems.filter((p) => /Content Security Policy/i.test(p)), []);
  });
});
