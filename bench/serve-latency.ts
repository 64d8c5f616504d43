// `npm run bench:serve`: what a writer waits for with `plinth serve`, end to end. The server
// runs as a user runs it (a child process on a copy of a generated site); the benchmark
// listens to its live-reload events as a browser does, saves a post, and times from the end
// of the save to the `update` event that names the post's page: watcher, update and reload
// message included. `npm run bench:incremental` times the update alone, against Eleventy.

import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { get, type IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { applyEdit, planEdits, postOutputPath, type Edit, type EditKind } from "./incremental-edits.js";
import { SITE_SHAPES, type SiteShape } from "./generate-site.js";
import { ensureSite } from "./site-cache.js";
import { percentile } from "./incremental-report.js";
import { summarise } from "./stats.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PAUSE_MS = 500;
const TIMEOUT_MS = 60_000;

interface Options {
  posts: number;
  shape: SiteShape;
  edits: number;
  kinds: EditKind[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { posts: 10_000, shape: "plain", edits: 15, kinds: ["body", "title"] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ""];
    if (flag === "--posts") options.posts = Number(value);
    else if (flag === "--edits") options.edits = Number(value);
    else if (flag === "--shape" && SITE_SHAPES.includes(value as SiteShape)) options.shape = value as SiteShape;
    else if (flag === "--kinds") options.kinds = value.split(",") as EditKind[];
    else throw new Error(`unknown flag ${flag}; use --posts N, --shape plain|real, --edits N, --kinds body,title,layout`);
  }
  if (!(options.posts > 0 && options.edits > 0)) throw new Error("--posts and --edits must be positive");
  return options;
}

/** The server's `update` events, each with the time it arrived. */
class UpdateEvents {
  private readonly arrived: { at: number; changed: string[] }[] = [];
  private buffer = "";

  constructor(response: IncomingMessage) {
    response.setEncoding("utf8").on("data", (text: string) => {
      this.buffer += text;
      let end: number;
      while ((end = this.buffer.indexOf("\n\n")) !== -1) {
        const data = this.buffer
          .slice(0, end)
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        this.buffer = this.buffer.slice(end + 2);
        const message = data ? (JSON.parse(data) as { type?: string; changes?: { changed?: string[] } }) : undefined;
        if (message?.type === "update") this.arrived.push({ at: performance.now(), changed: message.changes?.changed ?? [] });
      }
    });
  }

  /** The arrival time of the first update after `since` that changed `page`. */
  async waitFor(page: string, since: number): Promise<number> {
    const until = performance.now() + TIMEOUT_MS;
    while (performance.now() < until) {
      const found = this.arrived.find((event) => event.at >= since && event.changed.includes(page));
      if (found) return found.at;
      await sleep(1);
    }
    throw new Error(`no update naming ${page} within ${TIMEOUT_MS / 1000} s`);
  }
}

async function startServer(siteDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "serve", "--port", "0", "--input", "."], { cwd: siteDir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (output += text));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (text: string) => {
      output += text;
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.on("exit", (code) => reject(new Error(`plinth serve exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

function openEvents(url: string): Promise<UpdateEvents> {
  return new Promise((resolve, reject) => get(`${url}_plinth/events`, (response) => resolve(new UpdateEvents(response))).on("error", reject));
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), options.posts, "foundation", options.shape);
  const workDir = await realpath(await mkdtemp(path.join(os.tmpdir(), "plinth-bench-serve-")));
  const site = path.join(workDir, "site");
  await cp(siteDir, site, { recursive: true, filter: (source) => !["_site", ".bench-site", "node_modules"].includes(path.basename(source)) });
  // The copy sits outside the repository; the real shape's config imports the repository's markdown-it and plugins.
  await symlink(path.join(repoRoot, "node_modules"), path.join(site, "node_modules"), "dir");
  const { child, url } = await startServer(site);
  try {
    const events = await openEvents(url);
    const posts = (await readdir(path.join(site, "news"))).filter((name) => name.endsWith(".md")).map((name) => `news/${name}`);
    const save = async (edit: Edit): Promise<number> => {
      const file = path.join(site, edit.file);
      const text = applyEdit(await readFile(file, "utf8"), edit);
      await sleep(PAUSE_MS);
      await writeFile(file, text);
      const saved = performance.now();
      return (await events.waitFor(postOutputPath(edit.post), saved)) - saved;
    };
    const [warmUp] = planEdits(posts, ["body"], 1, "foundation/warm-up", 0);
    if (warmUp) await save(warmUp);
    process.stdout.write(`plinth serve, ${options.posts} posts (${options.shape} shape): from the end of a save to the live-reload event naming the page\n\n| edit | edits | median | p90 | min | max |\n|---|---:|---:|---:|---:|---:|\n`);
    for (const kind of options.kinds) {
      const times: number[] = [];
      for (const edit of planEdits(posts, [kind], options.edits, "foundation")) {
        times.push(await save(edit));
        process.stderr.write(`[bench:serve] ${kind} ${edit.file}: ${times.at(-1)!.toFixed(1)} ms\n`);
      }
      const s = summarise(times);
      process.stdout.write(`| ${kind} | ${times.length} | ${s.median.toFixed(0)} ms | ${percentile(times, 90).toFixed(0)} ms | ${s.min.toFixed(0)} ms | ${s.max.toFixed(0)} ms |\n`);
    }
  } finally {
    child.kill("SIGTERM");
    await rm(workDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench:serve] ${(error as Error).message}\n`);
    process.exit(1);
  },
);
