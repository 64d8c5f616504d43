// A studio running against a throwaway copy of the example site, for the studio's API tests:
// the copy is a git repository with one commit, `plinth` resolves to this repository (the
// site's config imports the members plugin), and requests carry the token unless told not to.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { StudioServer, type StudioServerOptions } from "../../src/studio/server/studio-server.js";
import { repoRoot } from "../compat/build-site.js";

export const TEST_TOKEN = "test-token-0123456789";

export interface ApiAnswer<T> {
  status: number;
  json: T;
  text: string;
  headers: Headers;
}

export interface StudioSite {
  dir: string;
  studio: StudioServer;
  /** `http://127.0.0.1:PORT` without a trailing slash. */
  origin: string;
  /** A request with the Bearer token (unless `auth: false`), JSON in and out. */
  /** `T` is what the test expects the JSON to be; it is not checked. */
  api<T = Record<string, unknown>>(method: string, url: string, body?: unknown, init?: { auth?: boolean; headers?: Record<string, string> }): Promise<ApiAnswer<T>>;
  git(...args: string[]): string;
  close(): Promise<void>;
}

export interface StudioSiteOptions extends Partial<StudioServerOptions> {
  /** Make the copy a git repository. Default true. */
  git?: boolean;
  /** Copy this folder instead of examples/foundation. */
  from?: string;
}

export function copySite(from = path.join(repoRoot(), "examples", "foundation")): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-studio-"));
  cpSync(from, dir, { recursive: true, filter: (src) => !/[\\/](_site|node_modules)$/.test(src) });
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(repoRoot(), path.join(dir, "node_modules", "plinth"), "dir");
  return dir;
}

/** Makes `dir` a git repository with everything in it committed, by a known author. */
export function initSiteRepository(dir: string): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Site Owner");
  git("config", "user.email", "owner@example.org");
  git("config", "commit.gpgsign", "false");
  writeFileSync(path.join(dir, ".gitignore"), "node_modules\n_site\n");
  git("add", "-A");
  git("commit", "-q", "-m", "Initial");
}

export async function startStudioSite(options: StudioSiteOptions = {}): Promise<StudioSite> {
  const dir = copySite(options.from);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (options.git !== false) initSiteRepository(dir);
  const lines: string[] = [];
  const studio = await StudioServer.start({
    cwd: dir,
    port: 0,
    token: TEST_TOKEN,
    log: (line) => lines.push(line),
    logError: (text) => lines.push(text),
    ...options,
  });
  const origin = studio.url.replace(/\/$/, "");
  return {
    dir,
    studio,
    origin,
    git,
    async api<T>(method: string, url: string, body?: unknown, init: { auth?: boolean; headers?: Record<string, string> } = {}): Promise<ApiAnswer<T>> {
      const headers: Record<string, string> = { ...init.headers };
      if (init.auth !== false) headers.authorization = `Bearer ${TEST_TOKEN}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(`${origin}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" });
      const text = await response.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON: the text itself.
      }
      return { status: response.status, json: json as T, text, headers: response.headers };
    },
    async close() {
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
