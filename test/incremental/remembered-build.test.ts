/**
 * `plinth build` remembering the last build across processes: after any sequence of edits, the
 * output folder of a build that renders only what the changes reach equals a fresh full
 * build's. Each build here is a new engine (a fresh config, languages and state) sharing only
 * the files on disk, as a new process does; one test runs the command line itself. The
 * fallbacks are checked one by one: each says why it built everything, and still equals a
 * full build.
 */
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { buildUsingCache, type CachedBuild } from "../../src/cache/cached-build.js";
import { build } from "../../src/engine/build.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";
import { runCli } from "../errors/broken-site.js";
import { assertSameOutput, copySite, edits, folderSnapshot, pick, rewriteFrontMatter, seeded, type Edit } from "./edits.js";

const dirs: string[] = [];

function site(): string {
  const dir = copySite();
  dirs.push(dir);
  return dir;
}

async function fullBuild(cwd: string): Promise<Map<string, string>> {
  const writer = new MemoryWriter();
  await build({ cwd, writer });
  return new Map([...writer.files].map(([k, v]) => [k, v.toString()]));
}

type Built = Exclude<CachedBuild, { cached: true }>;

/** Builds with the cache and checks the output folder against a full build; undefined when nothing had changed. */
async function buildAndCompare(dir: string, step: string): Promise<Built | undefined> {
  const outcome = await buildUsingCache({ cwd: dir });
  assertSameOutput(folderSnapshot(path.join(dir, "_site")), await fullBuild(dir), step);
  return outcome.cached ? undefined : outcome;
}

function renderedOf(outcome: Built | undefined): number | "full" {
  assert.ok(outcome, "something changed");
  return outcome.plan?.full === false ? outcome.result.rendered : "full";
}

function fullReason(outcome: Built | undefined): string {
  assert.equal(outcome?.plan?.full, true, "a full build");
  return outcome.plan.full ? outcome.plan.reason : "";
}

/** Edits to the output folder behind Plinth's back: the page must render again. */
const tampering: Record<string, Edit> = {
  tamperOutput(dir, random) {
    const file = path.join(dir, "_site", pick(["posts/p2/index.html", "about/index.html", "feed.xml", "index.html"], random));
    try {
      appendFileSync(file, "<!-- edited by hand -->");
    } catch {
      // Moved by an earlier permalink edit: nothing to tamper with.
    }
    return { description: `tampered ${path.relative(dir, file)}`, files: [] };
  },
  deleteOutput(dir, random) {
    const file = path.join(dir, "_site", pick(["posts/p4/index.html", "tags/t1/index.html", "sitemap.xml"], random));
    rmSync(file, { force: true });
    return { description: `deleted ${path.relative(dir, file)}`, files: [] };
  },
};

describe("builds that remember the last build", () => {
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  for (const seed of [1, 2, 3]) {
    test(`random edit sequence ${seed}, each build a new engine: the output folder always equals a full build`, async () => {
      const dir = site();
      const random = seeded(seed);
      await buildAndCompare(dir, "first build");
      const all: Record<string, Edit> = { ...edits, ...tampering };
      const names = Object.keys(all);
      let remembered = 0;
      for (let step = 0; step < 14; step++) {
        const edit = all[pick(names, random)]!(dir, random);
        const outcome = await buildAndCompare(dir, `seed ${seed}, step ${step} (${edit.description})`);
        if (outcome?.plan?.full === false) remembered++;
      }
      assert.ok(remembered >= 7, `most builds render only what changed (${remembered} of 14 did)`);
    });
  }

  test("a body edit renders the post and the feed that shows its content; a title edit, the pages that show the title", async () => {
    const dir = site();
    await buildAndCompare(dir, "first build");
    appendFileSync(path.join(dir, "posts/p3.md"), "\nA new sentence.\n");
    const bodyEdit = await buildAndCompare(dir, "body edit");
    assert.equal(renderedOf(bodyEdit), 2);
    // Twelve templates: the other eleven are not read again, their front matter is the last build's parse.
    assert.equal(bodyEdit?.recalledSources, 11);
    rewriteFrontMatter(path.join(dir, "posts/p3.md"), "title", "A better title");
    // The post, its neighbours, the feed, the list page showing it and its tag page; the
    // neighbours render from recalled sources, their bodies read from their files as they render.
    const titleEdit = await buildAndCompare(dir, "title edit");
    assert.equal(renderedOf(titleEdit), 6);
    assert.equal(titleEdit?.recalledSources, 11);
  });

  test("a layout or include edit renders the pages that use it; a directory data file edit, the pages whose data it feeds", async () => {
    const dir = site();
    await buildAndCompare(dir, "first build");
    edits.layout!(dir, () => 0);
    const layout = await buildAndCompare(dir, "layout edit");
    assert.equal(renderedOf(layout), 6, "the six posts use the post layout");
    edits.include!(dir, () => 0);
    const include = await buildAndCompare(dir, "include edit");
    assert.equal(typeof renderedOf(include), "number");
    edits.dataFile!(dir, () => 0);
    assert.equal(typeof renderedOf(await buildAndCompare(dir, "posts.json edit")), "number");
  });

  test("a layout's front matter joins its pages' data: a page listing that data renders again when it changes", async () => {
    const dir = site();
    const layout = path.join(dir, "_includes/post.njk");
    writeFileSync(layout, readFileSync(layout, "utf8").replace("layout: base.njk", "layout: base.njk\nbadge: first"));
    writeFileSync(path.join(dir, "badges.njk"), "---\npermalink: /badges.txt\n---\n{% for p in collections.posts %}{{ p.data.badge }} {% endfor %}\n");
    await buildAndCompare(dir, "first build");
    writeFileSync(layout, readFileSync(layout, "utf8").replace("badge: first", "badge: second"));
    await buildAndCompare(dir, "layout data edit");
    assert.match(readFileSync(path.join(dir, "_site/badges.txt"), "utf8"), /second/);
  });

  test("a deleted page's output is removed, and the pages that listed it render again", async () => {
    const dir = site();
    await buildAndCompare(dir, "first build");
    rmSync(path.join(dir, "posts/p5.md"));
    const outcome = await buildAndCompare(dir, "p5 deleted");
    assert.equal(typeof renderedOf(outcome), "number");
    assert.ok(!folderSnapshot(path.join(dir, "_site")).has("posts/p5/index.html"));
  });

  test("an output changed or deleted by hand renders its page again", async () => {
    const dir = site();
    await buildAndCompare(dir, "first build");
    appendFileSync(path.join(dir, "_site/about/index.html"), "edited");
    rmSync(path.join(dir, "_site/posts/p2/index.html"));
    const outcome = await buildAndCompare(dir, "outputs tampered");
    assert.equal(renderedOf(outcome), 2);
    assert.deepEqual(outcome?.plan?.full === false && [...outcome.plan.reasons], [["output missing or changed", 2]]);
  });

  test("the config, global data, code, an unknown file and computed data over collections mean a full build, with the reason", async () => {
    const dir = site();
    await buildAndCompare(dir, "first build");
    appendFileSync(path.join(dir, "eleventy.config.js"), "\n// a comment\n");
    assert.match(fullReason(await buildAndCompare(dir, "config edit")), /the config file changed/);
    edits.globalData!(dir, () => 0);
    assert.match(fullReason(await buildAndCompare(dir, "global data edit")), /global data changed/);
    writeFileSync(path.join(dir, "posts/posts.11tydata.js"), "export default { edition: 2 };\n");
    assert.match(fullReason(await buildAndCompare(dir, "JavaScript data file")), /posts\.11tydata\.js changed \(code/);
    writeFileSync(path.join(dir, "_includes/unused.njk"), "<p>nobody includes me</p>\n");
    assert.match(fullReason(await buildAndCompare(dir, "unknown include")), /_includes\/unused\.njk changed, and no page is known to read it/);
    writeFileSync(path.join(dir, "count.njk"), "---\npermalink: /count.txt\neleventyComputed:\n  count: \"{{ collections.posts | length }}\"\n---\n{{ count }}\n");
    const computed = await buildAndCompare(dir, "computed data over collections");
    assert.match(fullReason(computed), /count\.njk has computed data that reads collections/);
  });

  test("a page that starts showing a content the memory did not keep makes the build start again in full", async () => {
    const dir = site();
    writeFileSync(
      path.join(dir, "peek.njk"),
      "---\npermalink: /peek/\nshow: false\n---\n{% for p in collections.all %}{% if show and p.url == \"/about/\" %}{{ p.templateContent }}{% endif %}{% endfor %}\n",
    );
    await buildAndCompare(dir, "first build");
    rewriteFrontMatter(path.join(dir, "peek.njk"), "show", "true");
    const outcome = await buildAndCompare(dir, "peek shows about's content");
    assert.match(fullReason(outcome), /the build of the changed pages failed/);
    assert.match(readFileSync(path.join(dir, "_site/peek/index.html"), "utf8"), /About/i);
    // That build remembered about's content: the next edit to peek renders peek alone.
    appendFileSync(path.join(dir, "peek.njk"), "<!-- more -->\n");
    assert.equal(renderedOf(await buildAndCompare(dir, "peek edited again")), 1);
  });

  test("plinth build, one process per build, renders only what changed and leaves a folder equal to a full build", async () => {
    const dir = site();
    const cli = async (step: string): Promise<string> => {
      const result = await runCli(["build"], dir);
      assert.equal(result.code, 0, result.stderr);
      assertSameOutput(folderSnapshot(path.join(dir, "_site")), await fullBuild(dir), step);
      return result.stdout;
    };
    assert.match(await cli("first build"), /^\[build\] Wrote 15 pages and copied 3 files in [\d.]+ seconds \(0 unchanged\)\n$/);
    appendFileSync(path.join(dir, "posts/p3.md"), "\nA new sentence.\n");
    assert.match(await cli("body edit"), /\(rendered 2 pages again, kept 13 from the last build; 3 unchanged\)/);
    rewriteFrontMatter(path.join(dir, "posts/p1.md"), "title", "Renamed");
    assert.match(await cli("title edit"), /\(rendered \d pages again, kept \d+ from the last build; 3 unchanged\)/);
    rmSync(path.join(dir, "posts/p6.md"));
    assert.match(await cli("post deleted"), /kept \d+ from the last build/);
    assert.match(await cli("nothing changed"), /Nothing changed since the last build/);
  });
});
