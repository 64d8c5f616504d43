// `node dist/bench/studio-api.js [--posts N]`: the studio's server side on a generated site,
// without a browser: how long the first build and index take, and the API's own time for
// listing a 10,000-post collection, searching it, its schema, a preview of an edited post
// and a save (with its git commit). Medians of 10 runs, in ms. The browser-side numbers
// (the app's list and the preview frame) are `npm run bench:studio`.
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { StudioServer } from "../src/studio/server/studio-server.js";
import { ensureSite } from "./site-cache.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const TOKEN = "bench";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(runs: number, run: (i: number) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

async function main(): Promise<void> {
  const postsArg = process.argv.indexOf("--posts");
  const posts = postsArg === -1 ? 10_000 : Number(process.argv[postsArg + 1]);
  const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), posts, "foundation");
  const dir = await mkdtemp(path.join(os.tmpdir(), "plinth-studio-api-"));
  await cp(siteDir, dir, { recursive: true, filter: (src) => !/[\\/](_site|node_modules)$/.test(src) });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  // No background `git gc` racing the clean-up at the end.
  git("config", "gc.auto", "0");
  git("-c", "user.name=Bench", "-c", "user.email=bench@example.org", "add", "-A");
  git("-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "Initial");
  const started = performance.now();
  const studio = await StudioServer.start({ cwd: dir, port: 0, token: TOKEN, author: { name: "Bench", email: "bench@example.org" }, log: () => {}, logError: (t) => process.stderr.write(t) });
  const startMs = performance.now() - started;
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${studio.url.replace(/\/$/, "")}${url}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  try {
    const collections = (await api("GET", "/api/collections")) as unknown as { name: string; count: number }[];
    const biggest = collections.reduce((a, b) => (b.count > a.count ? b : a));
    const list = await timed(10, () => api("GET", `/api/entries?collection=${biggest.name}&limit=100`).then(() => {}));
    const search = await timed(10, (i) => api("GET", `/api/entries?collection=${biggest.name}&q=${["security", "release notes", "grant", "board", "community"][i % 5]}`).then(() => {}));
    const schema = await timed(10, () => api("GET", `/api/schema?collection=${biggest.name}`).then(() => {}));
    const first = ((await api("GET", `/api/entries?collection=${biggest.name}&limit=1&offset=${Math.floor(biggest.count / 2)}`)) as { entries: { path: string }[] }).entries[0]!.path;
    const entry = (await api("GET", `/api/entry?path=${encodeURIComponent(first)}`)) as { raw: string; revision: string };
    const preview = await timed(10, (i) => api("POST", `/api/preview?path=${encodeURIComponent(first)}`, { raw: `${entry.raw}\nEdit ${i}.\n` }).then(() => {}));
    await api("DELETE", `/api/preview?path=${encodeURIComponent(first)}`);
    let revision = entry.revision;
    const save = await timed(5, async (i) => {
      const saved = (await api("PUT", `/api/entry?path=${encodeURIComponent(first)}`, { raw: `${entry.raw}\nSaved ${i}.\n`, baseRevision: revision })) as { revision: string };
      revision = saved.revision;
    });
    const rows: [string, string][] = [
      ["start (first build, index, git, watcher)", (startMs / 1000).toFixed(2) + " s"],
      [`list ${biggest.name} (${biggest.count} entries, first 100)`, `${list.toFixed(1)} ms`],
      [`search ${biggest.name}`, `${search.toFixed(1)} ms`],
      [`schema of ${biggest.name}`, `${schema.toFixed(1)} ms`],
      ["preview of an edited post (POST /api/preview)", `${preview.toFixed(1)} ms`],
      ["save with a git commit (PUT /api/entry)", `${save.toFixed(1)} ms`],
    ];
    process.stdout.write(`| ${posts} posts | median |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join("\n")}\n`);
  } finally {
    await studio.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

await main();
