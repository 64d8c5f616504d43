// `npm run bench:studio-publish -- --posts N --runs R`: what an editor waits for when publishing
// in the studio: a save to the entry's branch (git plumbing), the diff before publishing, and
// the publish itself (the gate's kept worktree, the merge, the build gate with its cache, the fast-forward of
// the working copy and the dev session's rebuild), on a git copy of a generated site.
// Prints a Markdown table with the median and the spread.

import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { StudioServer } from "../src/studio/server/studio-server.js";
import { ensureSite } from "./site-cache.js";
import { summarise } from "./stats.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TOKEN = "bench-token-0123456789";

function parseOptions(argv: string[]): { posts: number; runs: number } {
  const options = { posts: 10_000, runs: 3 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (flag === "--posts") options.posts = value;
    else if (flag === "--runs") options.runs = value;
    else throw new Error(`unknown flag ${flag}; use --posts N, --runs N`);
  }
  return options;
}

async function api<T>(origin: string, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}${url}`, { method, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const options = parseOptions(process.argv.slice(2));
const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), options.posts, "foundation");
const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-publish-bench-"));
cpSync(siteDir, dir, { recursive: true, filter: (src) => !/[\\/](_site|node_modules)$/.test(src) });
const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
git("init", "-q", "-b", "main");
git("config", "user.name", "Bench");
git("config", "user.email", "bench@example.org");
writeFileSync(path.join(dir, ".gitignore"), "_site\nnode_modules\n");
git("add", "-A");
git("commit", "-q", "-m", "Initial");
writeFileSync(path.join(dir, "studio.config.yml"), "workflow:\n  branches: true\n");

const studio = await StudioServer.start({ cwd: dir, port: 0, token: TOKEN, log: () => undefined, logError: (text) => process.stderr.write(text) });
const origin = studio.url.replace(/\/$/, "");
const posts = readdirSync(path.join(dir, "news")).filter((name) => name.endsWith(".md")).sort();
const times = { save: [] as number[], diff: [] as number[], publish: [] as number[] };
const steps = new Map<string, number[]>();
try {
  for (let run = 0; run < options.runs; run++) {
    const relative = `news/${posts[Math.floor(((run + 1) * posts.length) / (options.runs + 1))]}`;
    const entry = await api<{ raw: string; revision: string }>(origin, "GET", `/api/entry?path=${encodeURIComponent(relative)}`);
    const saved = await timed(() => api(origin, "PUT", `/api/entry?path=${encodeURIComponent(relative)}`, { raw: `${entry.raw}\nCorrected in run ${run}.\n`, baseRevision: entry.revision }));
    const diff = await timed(() => api<{ head: string }>(origin, "GET", `/api/publish/diff?path=${encodeURIComponent(relative)}`));
    const published = await timed(() => api<{ steps: Record<string, number> }>(origin, "POST", `/api/publish?path=${encodeURIComponent(relative)}`, { head: diff.value.head }));
    times.save.push(saved.ms);
    times.diff.push(diff.ms);
    times.publish.push(published.ms);
    for (const [name, seconds] of Object.entries(published.value.steps)) steps.set(name, [...(steps.get(name) ?? []), seconds * 1000]);
  }
} finally {
  await studio.close();
  rmSync(dir, { recursive: true, force: true });
}

const row = (name: string, values: number[]) => {
  const s = summarise(values);
  return `| ${name} | ${values.length} | ${s.median.toFixed(0)} ms | ${s.min.toFixed(0)} ms | ${s.max.toFixed(0)} ms |`;
};
process.stdout.write(
  [
    `Studio publishing on a ${options.posts}-post site (${os.cpus().length} cores)`,
    "",
    "| step | runs | median | min | max |",
    "| --- | --- | --- | --- | --- |",
    row("save to the entry's branch", times.save),
    row("diff before publishing", times.diff),
    row("publish (worktree, merge, build, fast-forward, rebuild)", times.publish),
    ...[...steps].map(([name, values]) => row(`  of which ${name}`, values)),
    "",
  ].join("\n"),
);
