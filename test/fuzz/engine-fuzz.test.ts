// The engine fuzz test: thousands of random and malformed front matter blocks, Markdown bodies
// and Nunjucks/Liquid snippets, many files to a site, each site built in memory. Every build must
// either succeed or fail with catalogued errors: no other exception type, no stray rejection, no
// hang. Runs are replayable: PLINTH_FUZZ_SEED picks the seed, PLINTH_FUZZ_SITES the number of sites.
// An escape is shrunk to one file (and, if it can be, to its front matter or its body alone).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BuildReply, BuildRequest, Escape } from "./build-worker.js";
import { dataFiles, siteFrame, templateFile, type FuzzFile } from "./generators.js";
import { Random } from "./random.js";

const SEED = Number(process.env.PLINTH_FUZZ_SEED ?? 20240611);
const SITES = Number(process.env.PLINTH_FUZZ_SITES ?? 200);
/** Per build; generous because the machine may be busy. A build that takes this long is a hang. */
const BUILD_TIMEOUT_MS = 30_000;

type Outcome = BuildReply | "hang" | Escape;

/** One worker thread at a time; replaced when a build hangs, since a stuck thread cannot be interrupted. */
class Builder {
  private worker?: Worker;
  private nextId = 0;
  /** Requests of the current worker only: a replaced worker's exit must not fail its successor's. */
  private pending = new Map<number, (outcome: Outcome) => void>();

  constructor(private readonly timeoutMs = BUILD_TIMEOUT_MS) {}

  private start(): Worker {
    const worker = new Worker(new URL("./build-worker.js", import.meta.url), { stdout: true, stderr: true });
    const pending = new Map<number, (outcome: Outcome) => void>();
    this.pending = pending;
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on("message", (reply: BuildReply) => {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
    const failAll = (error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      for (const [id, done] of pending) {
        done({ kind: "exception", name: e.name, message: `the build worker died: ${e.message}`, stack: e.stack ?? "" });
        pending.delete(id);
      }
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`exit code ${code}`)));
    return worker;
  }

  build(cwd: string): Promise<Outcome> {
    this.worker ??= this.start();
    const worker = this.worker;
    const pending = this.pending;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        resolve("hang");
      }, this.timeoutMs);
      pending.set(id, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      worker.postMessage({ id, cwd } satisfies BuildRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

function writeSite(root: string, files: FuzzFile[]): string {
  const dir = mkdtempSync(path.join(root, "site-"));
  for (const file of [...siteFrame(), ...files]) {
    const abs = path.join(dir, ...file.path.split("/"));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  return dir;
}

type Verdict = { ok: true; reply: BuildReply } | { ok: false; what: string };

async function judge(builder: Builder, root: string, files: FuzzFile[]): Promise<Verdict> {
  const dir = writeSite(root, files);
  try {
    const reply = await builder.build(dir);
    if (reply === "hang") return { ok: false, what: "hang: no result in time" };
    if ("kind" in reply) return { ok: false, what: `${reply.kind}: ${reply.name}: ${reply.message}\n${reply.stack}` };
    if (reply.outcome === "escaped") {
      return { ok: false, what: reply.escapes.map((e) => `${e.kind}: ${e.name}: ${e.message}\n${e.stack}`).join("\n---\n") };
    }
    return { ok: true, reply };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function splitFrontMatter(text: string): [string, string] {
  const match = /^(\ufeff?---[^\n]*\n[\s\S]*?\n---[^\n]*\n?)/.exec(text);
  return match ? [match[1]!, text.slice(match[1]!.length)] : ["", text];
}

/** Shrinks a failing site to one file, then to its front matter or body alone when that still fails. */
async function shrink(builder: Builder, root: string, files: FuzzFile[]): Promise<string> {
  for (const file of files) {
    const alone = await judge(builder, root, [file]);
    if (alone.ok) continue;
    const [front, rest] = splitFrontMatter(file.text);
    for (const smaller of [front, `${front}x`, rest]) {
      if (smaller === file.text || smaller === "") continue;
      const verdict = await judge(builder, root, [{ path: file.path, text: smaller }]);
      if (!verdict.ok) return `${file.path}:\n${JSON.stringify(smaller)}\n=> ${verdict.what}`;
    }
    return `${file.path}:\n${JSON.stringify(file.text)}\n=> ${alone.what}`;
  }
  return `only the whole site fails (no single file does):\n${files.map((f) => `${f.path}: ${JSON.stringify(f.text)}`).join("\n")}`;
}

test(`engine fuzz: ${SITES} random sites (seed ${SEED}) build or fail with catalogued errors`, { timeout: 15 * 60_000 }, async (t) => {
  const random = new Random(SEED);
  const root = mkdtempSync(path.join(os.tmpdir(), "plinth-fuzz-"));
  const builder = new Builder();
  const codes = new Map<string, number>();
  const problems: string[] = [];
  let files = 0;
  let built = 0;
  let failed = 0;
  try {
    for (let site = 0; site < SITES; site++) {
      // One broken front matter stops a build before rendering, so error rates vary per site:
      // sites with few mistakes reach the later phases, sites with many test the early ones.
      const errorRate = random.pick([0, 0.01, 0.03, 0.1, 0.3, 0.7]);
      const count = random.between(5, 60);
      const templates = Array.from({ length: count }, (_, i) => templateFile(random, i, errorRate));
      const batch = [...templates, ...dataFiles(random, errorRate, templates)];
      files += batch.length;
      const verdict = await judge(builder, root, batch);
      if (verdict.ok) {
        if (verdict.reply.outcome === "built") built++;
        else failed++;
        for (const code of verdict.reply.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
        continue;
      }
      problems.push(`site ${site} (seed ${SEED}):\n${await shrink(builder, root, batch)}`);
      if (problems.length >= 5) break;
    }
  } finally {
    await builder.close();
    rmSync(root, { recursive: true, force: true });
  }
  t.diagnostic(`${files} files in ${built + failed + problems.length} sites: ${built} built, ${failed} failed with catalogued errors, ${problems.length} escaped`);
  t.diagnostic(`error codes seen: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ")}`);
  assert.deepEqual(problems, [], `inputs that escaped the catalog or hung:\n\n${problems.join("\n\n")}`);
  // The generator must reach both outcomes, or the test proves nothing.
  assert.ok(built > 0, "no site built: the generator makes only broken sites");
  assert.ok(failed > 0, "no site failed: the generator makes no broken input");
  assert.ok(codes.size >= 5, `only ${codes.size} distinct error codes were reached`);
});

test(
  "a Liquid include that includes itself fails with a catalogued error instead of hanging",
  {
    todo: "liquidjs recurses into `{% include 'cycle.liquid' %}` without end (Eleventy 3.1.8 hangs too); liquid-language.ts now sets renderLimit (60 s), which stops it but far later than this test's 5 s: an include depth guard is still wanted",
    timeout: 60_000,
  },
  async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "plinth-fuzz-cycle-"));
    const builder = new Builder(5_000);
    try {
      const verdict = await judge(builder, root, [{ path: "index.liquid", text: "x {% include 'cycle.liquid' %}\n" }]);
      assert.ok(verdict.ok, verdict.ok ? "" : verdict.what);
      assert.deepEqual(verdict.reply.codes, ["TemplateRender"]);
    } finally {
      await builder.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
);

test(
  "an error after a paired shortcode in Nunjucks fails the build with a catalogued error instead of escaping",
  {
    timeout: 60_000,
  },
  async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "plinth-fuzz-paired-"));
    const builder = new Builder(5_000);
    try {
      const config = {
        path: "eleventy.config.cjs",
        text: 'module.exports = (c) => { c.addPairedShortcode("paired", (content) => `<p>${content}</p>`); };\n',
      };
      const verdict = await judge(builder, root, [config, { path: "index.njk", text: "{% paired %}x{% endpaired %}{{ 1 | nosuch }}\n" }]);
      assert.ok(verdict.ok, verdict.ok ? "" : verdict.what);
      assert.deepEqual(verdict.reply.codes, ["UnknownFilter"]);
    } finally {
      await builder.close();
      rmSync(root, { recursive: true, force: true });
    }
  },
);
