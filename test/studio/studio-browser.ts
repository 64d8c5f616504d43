/**
 * What the studio's browser journeys share: `plinth studio` run as a user runs it (a child
 * process on a git copy of the example site), Debian's Chromium driven by playwright-core,
 * and axe-core's accessibility check. Tests skip when /usr/bin/chromium is not installed.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { repoRoot, waitFor } from "../server/serve-process.js";
import { browserSkip, CHROMIUM, CHROMIUM_ARGS } from "../support/browser.js";
import { copySite, initSiteRepository } from "../support/studio-site.js";

/**
 * The limit on any one wait: generous, since a journey runs a studio and a browser on a
 * shared machine; a broken studio fails the wait, never hangs the test.
 */
export const WAIT_MS = 60_000;
/** The journeys' `skip`: the shared rule (skipped without Chromium, a failure in CI). */
export const skipWithoutChromium = browserSkip();

/** The environment without PLINTH_STUDIO_TOKEN, so the studio makes a token of its own. */
function withoutToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.PLINTH_STUDIO_TOKEN;
  return copy;
}

export class StudioProcess {
  stdout = "";
  stderr = "";
  exitCode: number | null = null;
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly dir: string,
  ) {
    child.stdout!.setEncoding("utf8").on("data", (text: string) => (this.stdout += text));
    child.stderr!.setEncoding("utf8").on("data", (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => child.on("close", (code) => resolve((this.exitCode = code))));
  }

  /**
   * Copies the example site (or `from`) into a temporary git repository, lets `prepare` change
   * it before the first commit, and starts `plinth studio --port 0` in it.
   */
  static async start(options: { from?: string; prepare?: (dir: string) => void; args?: string[] } = {}): Promise<{ studio: StudioProcess; url: string }> {
    const dir = copySite(options.from);
    options.prepare?.(dir);
    initSiteRepository(dir);
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "studio", "--port", "0", ...(options.args ?? [])], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: withoutToken(process.env),
    });
    const studio = new StudioProcess(child, dir);
    const url = await waitFor("the studio's URL", () => {
      if (studio.exitCode !== null) throw new Error(`plinth studio exited with ${studio.exitCode}:\n${studio.stdout}\n${studio.stderr}`);
      // With accounts the address has no token: everyone logs in.
      return /Open (http:\/\/127\.0\.0\.1:\d+\/(\?token=\S+)?)/.exec(studio.stdout)?.[1];
    }, 60_000);
    return { studio, url };
  }

  file(relative: string): string {
    return readFileSync(path.join(this.dir, relative), "utf8");
  }

  git(...args: string[]): string {
    return execFileSync("git", args, { cwd: this.dir, encoding: "utf8" });
  }

  async stop(): Promise<void> {
    if (this.exitCode === null) this.child.kill("SIGTERM");
    await this.exited;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP refusals seen so far, on every page of the context. */
  problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "plinth-studio-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS], viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${message.text()} (${message.location().url}:${message.location().lineNumber})`);
    });
    page.on("pageerror", (error) => problems.push(String(error)));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  context.setDefaultTimeout(WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. axe's source is
 * evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(path.join(repoRoot, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Pastes `text` (and files) into the focused CodeMirror editor as a real paste event would. */
export async function paste(page: Page, selector: string, data: { text?: string; files?: { name: string; type: string; base64: string }[] }): Promise<void> {
  await page.locator(selector).evaluate((element, payload) => {
    const transfer = new DataTransfer();
    if (payload.text !== undefined) transfer.setData("text/plain", payload.text);
    for (const file of payload.files ?? []) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}
