// Steps the studio journeys share, written as a user does them: by visible labels and
// keys, through the real app. Waits are for what the user would see, never fixed sleeps.
import type { FrameLocator, Page } from "playwright-core";
import type { Role } from "../../src/studio/auth/roles.js";
import { addUsers, PASSWORD } from "../support/studio-team.js";
import { openBrowser, StudioProcess, WAIT_MS, type Browser } from "./studio-browser.js";

export interface TeamJourney {
  studio: StudioProcess;
  /** The studio's address without the token, which opens nothing once accounts exist. */
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** A studio with these accounts (saves go to entry branches, everyone logs in) and a browser. */
export async function startTeamJourney(users: { name: string; role: Role }[]): Promise<TeamJourney> {
  const { studio, url } = await StudioProcess.start();
  await addUsers(studio.dir, users);
  const browser = await openBrowser();
  return {
    studio,
    url: url.replace(/\?token=.*$/, ""),
    browser,
    async stop() {
      await browser.close();
      await studio.stop();
    },
  };
}

/** Logs in on the login page and waits for the app to show the user. */
export async function logIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.locator(".user-menu button", { hasText: name }).waitFor({ timeout: WAIT_MS });
}

/** Logs out from the user menu and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  await page.locator(".user-menu > button").click();
  await page.getByRole("menuitem", { name: "Log out" }).click();
  await page.getByRole("button", { name: "Log in" }).waitFor({ timeout: WAIT_MS });
}

/** Opens the collection whose link text matches `name` in the sidebar. */
export async function openCollection(page: Page, name: RegExp): Promise<void> {
  await page.locator("nav.collections a", { hasText: name }).first().click();
  await page.locator(".entry-list .list-count").filter({ hasText: /of|No entries/ }).waitFor({ timeout: WAIT_MS });
}

/** Searches the open collection and opens the first entry whose title matches. */
export async function openEntry(page: Page, search: string, title: RegExp): Promise<void> {
  await page.getByLabel("Search").fill(search);
  const link = page.locator(".entries a", { hasText: title }).first();
  await link.waitFor({ timeout: WAIT_MS });
  await link.click();
  await page.locator(".cm-content").waitFor({ timeout: WAIT_MS });
}

/** The body editor's text as CodeMirror shows it (the lines it has rendered). */
export async function editorText(page: Page): Promise<string> {
  return page.locator(".cm-content").evaluate((element) => [...element.querySelectorAll(".cm-line")].map((line) => line.textContent ?? "").join("\n"));
}

/** Double-clicks `word` inside the body editor, which selects it, so typing replaces it. */
export async function selectWordInEditor(page: Page, word: string): Promise<void> {
  const point = await page.locator(".cm-content").evaluate((element, target) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      range.startContainer.parentElement?.scrollIntoView({ block: "center" });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new Error(`"${word}" is not in the editor`);
  await page.mouse.dblclick(point.x, point.y);
}

/** Puts the cursor at the end of the body and types `text`. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

export function preview(page: Page): FrameLocator {
  return page.frameLocator("iframe.preview-frame");
}

/** Waits until the preview frame's page contains `text`. */
export async function waitForPreviewText(page: Page, text: string): Promise<void> {
  await preview(page).locator("body", { hasText: text }).waitFor({ timeout: WAIT_MS });
}

/** Saves with the Save button, or with Ctrl+S from wherever the focus is. */
export async function save(page: Page, by: "button" | "keyboard" = "button"): Promise<void> {
  if (by === "keyboard") await page.keyboard.press("Control+S");
  else await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.locator(".save-status.saved").waitFor({ timeout: WAIT_MS });
}
