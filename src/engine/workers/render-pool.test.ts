// Builds on render threads against builds on one thread: the same files, byte for byte, and
// the same errors with the same file, line and code frame. PLINTH_THREADS_MAIN=wait leaves
// every batch to the render threads, so these small sites really render there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatError } from "../../errors/format-error.js";
import { BuildFailure } from "../../errors/plinth-error.js";
import { tempProject } from "../../../test/support/temp-project.js";
import { build, type BuildOptions } from "../build.js";

/** test/threads/site, from dist/src/engine/workers/ or src/engine/workers/. */
function siteDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "test", "threads", "site"))) dir = path.dirname(dir);
  return path.join(dir, "test", "threads", "site");
}

function filesOf(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) filesOf(root, file, out);
    else out.set(path.relative(root, file), readFileSync(file, "utf8"));
  }
  return out;
}

/** Runs `fn` with PLINTH_DEBUG=threads and the main thread leaving batches to the threads; returns what it printed. */
async function onThreads<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; debug: string }> {
  const saved = { debug: process.env.PLINTH_DEBUG, main: process.env.PLINTH_THREADS_MAIN };
  const write = process.stderr.write.bind(process.stderr);
  let debug = "";
  process.env.PLINTH_DEBUG = "threads";
  process.env.PLINTH_THREADS_MAIN = "wait";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    debug += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: await fn(), debug };
  } catch (error) {
    return { error, debug };
  } finally {
    process.stderr.write = write;
    for (const [name, value] of [["PLINTH_DEBUG", saved.debug], ["PLINTH_THREADS_MAIN", saved.main]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

function renderedOnThreads(debug: string): number {
  const match = /(\d+) on render threads/.exec(debug);
  assert.ok(match, `the build did not render on threads:\n${debug}`);
  return Number(match[1]);
}

const threaded = (threads: number): Partial<BuildOptions> => ({ threads, threadMinPages: 0 });

test("a site with setLibrary, a filter and shortcodes builds the same on one, two and three threads", async () => {
  const cwd = siteDir();
  const out = mkdtempSync(path.join(os.tmpdir(), "plinth-threads-"));
  try {
    const one = path.join(out, "one");
    await build({ cwd, output: one, threads: 1 });
    const expected = filesOf(one);
    // Feeds, a paginated listing and a layout show other pages' content; a page without a permalink is shown by another.
    assert.ok(expected.get("feed.xml")?.includes("<content>&lt;H2 ID=&quot;HEADING-11&quot;"), "the feed shows the posts' content through the filter");
    assert.ok(expected.get("shows-snippet/index.html")?.includes("<em>snippet</em>"));
    for (const threads of [2, 3]) {
      const folder = path.join(out, `threads-${threads}`);
      const { error, debug } = await onThreads(() => build({ cwd, output: folder, ...threaded(threads) }));
      assert.equal(error, undefined);
      assert.ok(renderedOnThreads(debug) > 0);
      assert.deepEqual(filesOf(folder), expected, `${threads} threads`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("errors from a render thread are reported as on one thread: same file, line, column, code frame and cause", async () => {
  const files: Record<string, string> = {
    "eleventy.config.mjs": `export default function (c) {\n  c.addFilter("explode", () => { throw new Error("the filter exploded"); });\n}\n`,
    "broken.njk": `---\ntitle: Broken\n---\n<p>fine</p>\n<p>{{ title | explode }}</p>\n`,
    "broken-liquid.liquid": `---\ntitle: Liquid\n---\nline one\n{% nosuchtag %}\n`,
  };
  for (let i = 0; i < 20; i++) files[`page-${i}.md`] = `# Page ${i}\n`;
  const project = tempProject("threads-errors", files);
  try {
    const report = (error: unknown): string[] => {
      assert.ok(error instanceof BuildFailure, String(error));
      return error.errors.map(formatError).sort();
    };
    const single = await build({ cwd: project.cwd, threads: 1 }).then(
      () => assert.fail("expected the build to fail"),
      (error: unknown) => report(error),
    );
    assert.equal(single.length, 2);
    assert.match(single.join("\n"), /broken\.njk:5/);
    const { error, debug } = await onThreads(() => build({ cwd: project.cwd, ...threaded(2) }));
    assert.ok(renderedOnThreads(debug) > 0);
    assert.deepEqual(report(error), single);
  } finally {
    project.done();
  }
});

test("a site that listens to eleventy.before renders on one thread, and says why", async () => {
  const project = tempProject("threads-before", {
    "eleventy.config.mjs": `export default function (c) {\n  c.on("eleventy.before", () => {});\n}\n`,
    "index.md": "# Home\n",
  });
  try {
    const { error, debug } = await onThreads(() => build({ cwd: project.cwd, ...threaded(2) }));
    assert.equal(error, undefined);
    assert.match(debug, /one thread: the config listens to eleventy\.before/);
  } finally {
    project.done();
  }
});

test("a render thread that loads other global data (the time of the build) is not used; the main thread renders its pages", async () => {
  const project = tempProject("threads-time", {
    "_data/built.js": "export default () => ({ at: `${process.hrtime.bigint()}` });\n",
    "index.njk": "built at {{ built.at }}\n",
    "other.njk": "also built at {{ built.at }}\n",
  });
  try {
    const { error, debug } = await onThreads(() => build({ cwd: project.cwd, ...threaded(2) }));
    assert.equal(error, undefined);
    assert.match(debug, /loaded other global data/);
    assert.match(debug, /rendered 2 pages here, 0 on render threads/);
    const times = ["index.html", "other/index.html"].map((file) => readFileSync(path.join(project.cwd, "_site", file), "utf8").split(" at ")[1]);
    assert.equal(times[0], times[1]);
  } finally {
    project.done();
  }
});

test("a render thread that stops while rendering leaves its batches to the main thread", async () => {
  const project = tempProject("threads-crash", {
    // process.exit in a worker ends that thread alone.
    "eleventy.config.mjs": `import { isMainThread } from "node:worker_threads";\nexport default function (c) {\n  c.addFilter("here", (v) => { if (!isMainThread) process.exit(3); return v; });\n}\n`,
    "index.njk": "{{ 'home' | here }}\n",
    "about.njk": "{{ 'about' | here }}\n",
  });
  try {
    const { error, debug } = await onThreads(() => build({ cwd: project.cwd, ...threaded(2) }));
    assert.equal(error, undefined);
    assert.match(debug, /a render thread stopped: exit code 3/);
    assert.match(debug, /rendered 2 pages here, 0 on render threads/);
    assert.equal(readFileSync(path.join(project.cwd, "_site", "about", "index.html"), "utf8"), "about\n");
  } finally {
    project.done();
  }
});

test("when most pages show others' content, the threads get no more pages once they hand back more than they render", async () => {
  const files: Record<string, string> = {
    "_includes/base.njk": "{{ content | safe }}<aside>{% for post in collections.post %}{{ post.templateContent | safe }}{% endfor %}</aside>\n",
  };
  for (let i = 0; i < 120; i++) files[`p${i}.md`] = `---\nlayout: base.njk\ntags: post\n---\n# Post ${i}\n`;
  const project = tempProject("threads-hand-back", files);
  // Outside the input folder, where the first build's pages would be templates of the second.
  const outputs = mkdtempSync(path.join(os.tmpdir(), "plinth-threads-out-"));
  const out = (name: string) => path.join(outputs, name);
  try {
    await build({ cwd: project.cwd, output: out("one"), threads: 1 });
    const { error, debug } = await onThreads(() => build({ cwd: project.cwd, output: out("two"), ...threaded(2) }));
    assert.equal(error, undefined);
    assert.match(debug, /render threads handed back \d+ pages and rendered \d+: the main thread renders the rest/);
    assert.deepEqual(filesOf(out("two")), filesOf(out("one")));
  } finally {
    rmSync(outputs, { recursive: true, force: true });
    project.done();
  }
});
