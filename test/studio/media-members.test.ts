/**
 * Media and members in the studio: an image pasted into a post is uploaded into the site
 * and its Markdown inserted at the cursor; a new member gets a tier from the roster's tiers
 * and a logo uploaded through its field, and saves as a roster entry the plugin accepts.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { repoRoot } from "../server/serve-process.js";
import { editorText, openCollection, openEntry, preview, save } from "./journey-helpers.js";
import { openBrowser, paste, seriousAxeViolations, skipWithoutChromium, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

const PNG = readFileSync(path.join(repoRoot, "examples/foundation/img/news/2023-03-22-openinfra-associate-membership/open-infra-associate-membership.png"));
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#246"/><text x="10" y="26" fill="#fff">Lumen</text></svg>\n`;

describe("media and members in the studio", { skip: skipWithoutChromium }, () => {
  let studio: StudioProcess;
  let url: string;
  let browser: Browser;
  before(async () => {
    ({ studio, url } = await StudioProcess.start());
    browser = await openBrowser();
  });
  after(async () => {
    await browser?.close();
    await studio?.stop();
  });

  test("an image pasted into a post is uploaded, inserted as Markdown and shown in the preview", async () => {
    const { page } = browser;
    await page.goto(url);
    await openCollection(page, /news/i);
    await openEntry(page, "security audit", /Security Audit/i);
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await paste(page, ".cm-content", { files: [{ name: "Audit chart.png", type: "image/png", base64: PNG.toString("base64") }] });
    await page.locator(".cm-content", { hasText: "![Audit chart](" }).waitFor({ timeout: WAIT_MS });
    const inserted = /!\[Audit chart\]\(([^)]+)\)/.exec(await editorText(page))![1]!;
    const stored = path.join(studio.dir, inserted.replace(/^\//, ""));
    assert.ok(existsSync(stored), `${stored} exists`);
    assert.deepEqual(readFileSync(stored), PNG, "the upload is the pasted bytes");
    await preview(page).locator(`img[src$="${path.posix.basename(inserted)}"]`).waitFor({ timeout: WAIT_MS });
    // The media library lists it, with the post as where it is used once saved, and inserts it again.
    await save(page);
    await page.getByRole("button", { name: "Media", exact: true }).click();
    const library = page.getByRole("region", { name: "Media library" });
    const item = library.locator("li", { hasText: path.posix.basename(inserted) });
    await item.waitFor({ timeout: WAIT_MS });
    assert.match((await item.textContent()) ?? "", /used by 1/);
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await item.getByRole("button", { name: /^Insert / }).click();
    await library.waitFor({ state: "detached", timeout: WAIT_MS });
    assert.equal((await editorText(page)).split(`](${inserted})`).length, 3, "inserted a second time");
    await save(page);
    const post = execFileSync("git", ["ls-files", "news"], { cwd: studio.dir, encoding: "utf8" }).split("\n").find((name) => name.includes("security-audit"))!;
    assert.ok(studio.file(post).endsWith(`\n\n![Audit chart](${inserted})`) || studio.file(post).includes(`![Audit chart](${inserted})`));
  });

  test("a new member with a tier and an uploaded logo is a valid roster entry", async () => {
    const { page } = browser;
    page.once("dialog", (dialog) => void dialog.accept());
    await page.goto(url);
    await openCollection(page, /members/i);
    await page.getByRole("button", { name: "New entry" }).click();
    await page.getByLabel("Title of the new entry").fill("Lumen Works");
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator(".cm-content").waitFor({ timeout: WAIT_MS });
    const created = (await page.locator(".entry-path").textContent())!;

    const name = page.locator("#field-name");
    if ((await name.inputValue()) === "") await name.fill("Lumen Works");
    await page.locator("#field-level").selectOption("silver");
    await page.locator("#field-url").fill("https://lumen.example");
    await page.getByLabel(/Upload an image for logo/i).setInputFiles({ name: "Lumen Works.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
    await page.locator(".image-field .status", { hasText: "Uploaded" }).waitFor({ timeout: WAIT_MS });
    const logo = await page.locator("#field-logo").inputValue();
    assert.match(logo, /^\/img\/members\/lumen-works[-\w]*\.svg$/, "the logo goes to the roster's logo folder");
    assert.ok(existsSync(path.join(studio.dir, logo.replace(/^\//, ""))));
    await page.locator(".cm-content").click();
    await page.keyboard.type("Lumen Works makes lighting for data centres.");
    // The roster's own checks show at the field after a save, and go once it is right.
    await page.locator("#field-status").fill("retired");
    await save(page);
    await page.locator("#field-status-error", { hasText: /status/i }).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator("#field-status").getAttribute("aria-invalid"), "true");
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.locator("#field-status").fill("active");
    await save(page);
    await page.locator("#field-status-error").waitFor({ state: "detached", timeout: WAIT_MS });

    const text = studio.file(created);
    // Written in the style the new entry's keys already had (its template quotes empty strings).
    assert.match(text, /^level: silver$/m);
    assert.match(text, /^status: "?active"?$/m);
    assert.match(text, new RegExp(`^logo: "?${logo.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?$`, "m"));
    assert.match(text, /^url: "?https:\/\/lumen\.example"?$/m);
    const check = execFileSync(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "members", "check"], { cwd: studio.dir, encoding: "utf8" });
    assert.doesNotMatch(check, /Lumen Works.*(error|unknown)/i);

    // Announce drafts the news post, as `plinth members announce` does, and opens it.
    await page.getByRole("button", { name: "Announce" }).click();
    await page.locator(".entry-path", { hasText: /^news\/.*lumen-works.*\.md$/ }).waitFor({ timeout: WAIT_MS });
    const announcement = (await page.locator(".entry-path").textContent())!;
    assert.match(studio.file(announcement), /Lumen Works/);
    assert.match(studio.file(announcement), /^draft: true$/m);
  });
});
