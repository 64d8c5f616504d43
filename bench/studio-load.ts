// `npm run bench:studio-load`: 20 simulated editors saving to random entries of a running
// `plinth studio` for 60 s, on the example site and on a generated 10,000-post site, each a
// copy in a fresh git repository. Prints saves per second and p50/p95 save latency, and checks
// that nothing acknowledged was lost (see studio-load-run.ts); exits 1 when a check fails.
// Each editor is an account of its own (made with the users store) that logs in through
// POST /api/login; with accounts the studio is in team mode and saves go to each entry's branch.
// `--auth token` runs the single-user studio instead (every editor a client with the token,
// saves to the working copy).
//   --duration SECONDS (60)  --editors N (20)  --site example|generated|both (both)  --posts N (10000)
//   --auth accounts|token (accounts)

import { execFileSync } from "node:child_process";
import { cp, mkdtemp, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stateDir } from "../src/studio/auth/state-dir.js";
import { UsersStore } from "../src/studio/auth/users-store.js";
import { copySite, initSiteRepository } from "../test/support/studio-site.js";
import { startStudioProcess } from "../test/support/studio-process.js";
import { ensureSite } from "./site-cache.js";
import { runLoad, type LoadReport, type Session } from "./studio-load-run.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TOKEN = "studio-load-token-0123456789abcdef";

export type SiteKind = "example" | "generated";

export type AuthMode = "accounts" | "token";

export interface LoadTestOptions {
  site: SiteKind;
  auth?: AuthMode;
  durationMs: number;
  editors: number;
  posts: number;
  log?: (line: string) => void;
}

interface CliOptions {
  sites: SiteKind[];
  auth: AuthMode;
  durationMs: number;
  editors: number;
  posts: number;
}

export function parseOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = { sites: ["example", "generated"], auth: "accounts", durationMs: 60_000, editors: 20, posts: 10_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ""];
    if (flag === "--duration") options.durationMs = Number(value) * 1000;
    else if (flag === "--editors") options.editors = Number(value);
    else if (flag === "--posts") options.posts = Number(value);
    else if (flag === "--auth") {
      if (value !== "accounts" && value !== "token") throw new Error(`--auth is accounts or token, not ${JSON.stringify(value)}`);
      options.auth = value;
    } else if (flag === "--site") {
      if (value !== "example" && value !== "generated" && value !== "both") throw new Error(`--site is example, generated or both, not ${JSON.stringify(value)}`);
      options.sites = value === "both" ? ["example", "generated"] : [value];
    } else throw new Error(`unknown flag ${flag}; use --duration SECONDS, --editors N, --site example|generated|both, --posts N, --auth accounts|token`);
  }
  if (!(options.durationMs > 0 && Number.isInteger(options.editors) && options.editors > 0 && options.posts > 0)) throw new Error("--duration, --editors and --posts must be positive");
  return options;
}

/** A copy of the site in a new git repository with everything committed; the caller removes it. */
async function prepareSite(kind: SiteKind, posts: number): Promise<string> {
  if (kind === "example") {
    const dir = copySite();
    initSiteRepository(dir);
    return dir;
  }
  const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), posts, "foundation");
  const dir = path.join(await realpath(await mkdtemp(path.join(os.tmpdir(), "plinth-studio-load-"))), "site");
  await cp(siteDir, dir, { recursive: true, filter: (source) => !["_site", ".bench-site", "node_modules"].includes(path.basename(source)) });
  initSiteRepository(dir);
  return dir;
}

/** scrypt's cost for the bench's accounts: cheap (the studio reads it from each hash), so 20 logins are quick. */
const BENCH_COST = 1 << 10;
const PASSWORD = "a long load-test passphrase";

/** One account per editor, in the site's state folder (editors may edit anything, as in a busy week). */
async function addEditors(dir: string, editors: number): Promise<string[]> {
  const users = new UsersStore(stateDir({ cwd: dir }), { cost: BENCH_COST });
  const names = Array.from({ length: editors }, (_, i) => `editor${String(i + 1).padStart(2, "0")}`);
  for (const name of names) await users.add({ name, role: "editor" }, PASSWORD);
  return names;
}

/** Each editor's session: logged in through the API (cookie, CSRF token, Origin), or the token. */
async function sessionsFor(origin: string, auth: AuthMode, names: string[], editors: number): Promise<Session[]> {
  if (auth === "token") return Array.from({ length: editors }, () => ({ authorization: `Bearer ${TOKEN}` }));
  return Promise.all(
    names.map(async (name) => {
      const res = await fetch(`${origin}/api/login`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ name, password: PASSWORD }) });
      const body = (await res.json()) as { csrfToken?: string };
      if (res.status !== 200 || !body.csrfToken) throw new Error(`login ${name}: ${res.status} ${JSON.stringify(body)}`);
      return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]!, origin, "x-csrf-token": body.csrfToken };
    }),
  );
}

/** Prepares the site, starts the studio, runs the editors, checks the repository, stops. */
export type SiteReport = LoadReport & { site: SiteKind; entries: number; auth: AuthMode };

export async function loadTest(options: LoadTestOptions): Promise<SiteReport> {
  const log = options.log ?? (() => undefined);
  const auth = options.auth ?? "accounts";
  const dir = await prepareSite(options.site, options.posts);
  log(`[load] ${options.site} site in ${dir}`);
  const names = auth === "accounts" ? await addEditors(dir, options.editors) : [];
  const studio = await startStudioProcess(dir, TOKEN);
  try {
    const sessions = await sessionsFor(studio.origin, auth, names, options.editors);
    const listing = await fetch(`${studio.origin}/api/entries?limit=10000&sort=path`, { headers: sessions[0] });
    const { entries } = (await listing.json()) as { entries: { path: string }[] };
    const paths = entries.map((e) => e.path).filter((p) => /\.md$/.test(p));
    // The hot entries (the first few) are news posts when there are any: they have bodies.
    paths.sort((a, b) => Number(!a.startsWith("news/") && !a.startsWith("posts/")) - Number(!b.startsWith("news/") && !b.startsWith("posts/")));
    log(`[load] ${options.editors} editors, ${paths.length} entries, ${options.durationMs / 1000} s`);
    const report = await runLoad({ origin: studio.origin, siteDir: dir, sessions, durationMs: options.durationMs, entries: paths });
    return { ...report, site: options.site, entries: paths.length, auth };
  } finally {
    await studio.stop();
    await rm(options.site === "example" ? dir : path.dirname(dir), { recursive: true, force: true });
  }
}

export function formatReport(report: SiteReport): string {
  const statuses = Object.entries(report.statuses).map(([status, n]) => `${status}: ${n}`).join(", ");
  return [
    `| ${report.site} (${report.entries} entries) | ${report.auth} | ${report.editors} | ${report.seconds.toFixed(1)} s | ${report.saves} | ${report.savesPerSecond.toFixed(1)} | ${report.p50.toFixed(0)} ms | ${report.p95.toFixed(0)} ms | ${report.merged} | ${report.conflicts} | ${statuses} |`,
    ...report.problems.map((problem) => `  PROBLEM: ${problem}`),
  ].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  console.log(`machine: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`);
  const rows: string[] = [];
  let failed = false;
  for (const site of options.sites) {
    const report = await loadTest({ site, auth: options.auth, durationMs: options.durationMs, editors: options.editors, posts: options.posts, log: (line) => console.log(line) });
    failed ||= report.problems.length > 0;
    rows.push(formatReport(report));
    console.log(rows.at(-1));
  }
  console.log(`\nmachine after: ${execFileSync("uptime", { encoding: "utf8" }).trim()}\n`);
  console.log("| site | sessions | editors | time | 200 saves | saves/s | p50 | p95 | merged | 409 | answers |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  console.log(rows.join("\n"));
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
