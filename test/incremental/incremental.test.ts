/**
 * The incremental rebuild's correctness property: after any sequence of edits, the output of
 * `Site.update` equals a fresh full build of the same files. Edits are drawn by a seeded
 * generator (body, title, date, tags, permalink, exclusion from collections, layout, include,
 * data file, add and delete a post).
 * The site has a template paginating collections.all after one paginating `collections` with
 * addAllPagesToCollections, and an addCollection collection, so the order of pagination is exercised.
 * Also checks that a body edit renders only the pages that show that body.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { build, rebuild } from "../../src/engine/build.js";
import { Site } from "../../src/engine/site.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";
import { assertSameOutput, copySite, edits, folderSnapshot, pick, rewriteFrontMatter, seeded } from "./edits.js";
import { fullBuild, snapshot } from "./outputs.js";

/** The output folder as `--to-disk` keeps it. */
function diskSnapshot(site: Site): Map<string, string> {
  return folderSnapshot(site.lastResult!.paths.output);
}

describe("incremental rebuilds", () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test("a body edit renders that post and the pages that show its content, nothing else", async () => {
    const dir = copySite();
    dirs.push(dir);
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    const file = path.join(dir, "posts/p3.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\nA new sentence.\n`);
    const update = await site.update([file]);
    assert.equal(update.full, false);
    // The post itself and the feed, which shows every post's full content.
    assert.equal(update.result.rendered, 2, "pages rendered");
    assert.deepEqual(update.changed.sort(), ["feed.xml", "posts/p3/index.html"]);
    assertSameOutput(snapshot(site), await fullBuild(dir), "body edit");
  });

  test("a title edit renders the post, its neighbours and the lists that show the title", async () => {
    const dir = copySite();
    dirs.push(dir);
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    const file = path.join(dir, "posts/p3.md");
    rewriteFrontMatter(file, "title", "A better title");
    const update = await site.update([file]);
    assert.deepEqual(
      update.changed.sort(),
      ["1/index.html", "feed.xml", "posts/p2/index.html", "posts/p3/index.html", "posts/p4/index.html", "tags/t0/index.html"],
    );
    assertSameOutput(snapshot(site), await fullBuild(dir), "title edit");
  });

  test("a post leaving a paginated collection updates every page of the pagination, not only those whose items changed", async () => {
    const dir = copySite();
    dirs.push(dir);
    const site = new Site({ cwd: dir, runMode: "serve" });
    await site.build();
    assert.match(site.memory.read("index.html") ?? "", /Older/, "six posts, three per page: the first page links to the second");
    // The oldest post is alone on page 2; without it page 1 shows the same three posts but no link.
    const file = path.join(dir, "posts/p1.md");
    rewriteFrontMatter(file, "eleventyExcludeFromCollections", "true");
    rmSync(path.join(dir, "posts/p2.md"));
    rmSync(path.join(dir, "posts/p3.md"));
    await site.update([file, path.join(dir, "posts/p2.md"), path.join(dir, "posts/p3.md")]);
    assertSameOutput(snapshot(site), await fullBuild(dir), "p1 excluded");
    assert.doesNotMatch(site.memory.read("index.html") ?? "", /Older/);
  });

  test("an update copies only the passthrough files that are new or changed", async () => {
    const dir = copySite();
    dirs.push(dir);
    const copied: string[] = [];
    class CountingWriter extends MemoryWriter {
      override copyFile(source: string, relative: string): void {
        copied.push(relative);
        super.copyFile(source, relative);
      }
    }
    const writer = new CountingWriter();
    const first = await build({ cwd: dir, writer, runMode: "serve", track: true });
    assert.deepEqual(copied.sort(), ["img/logo.svg", "img/photo-1.jpg", "img/photo-2.jpg"]);
    copied.length = 0;
    const post = path.join(dir, "posts/p3.md");
    writeFileSync(post, `${readFileSync(post, "utf8")}\nA new sentence.\n`);
    const second = await rebuild(first.state, [post], writer);
    assert.deepEqual(copied, [], "a post edit copies no passthrough file");
    const photo = path.join(dir, "img/photo-2.jpg");
    writeFileSync(photo, "retouched\n");
    const added = path.join(dir, "img/photo-3.jpg");
    writeFileSync(added, "third photo\n");
    const third = await rebuild(second.state, [photo, added], writer);
    assert.deepEqual(copied.sort(), ["img/photo-2.jpg", "img/photo-3.jpg"]);
    copied.length = 0;
    rmSync(path.join(dir, "img/logo.svg"));
    await rebuild(third.state, [path.join(dir, "img/logo.svg")], writer);
    assert.deepEqual(copied, []);
    assert.equal(writer.read("img/photo-2.jpg"), "retouched\n");
    assertSameOutput(new Map([...writer.files].map(([k, v]) => [k, v.toString()])), await fullBuild(dir), "after image edits");
  });

  for (const seed of [1, 2, 3, 4]) {
    test(`random edit sequence ${seed} always equals a full build`, async () => {
      const dir = copySite();
      dirs.push(dir);
      const random = seeded(seed);
      // Updates hand the writers only what changed: the output folder must keep up too.
      const site = new Site({ cwd: dir, runMode: "serve", toDisk: true });
      await site.build();
      const names = Object.keys(edits);
      for (let step = 0; step < 15; step++) {
        const edit = edits[pick(names, random)]!(dir, random);
        await site.update(edit.files);
        const expected = await fullBuild(dir);
        assertSameOutput(snapshot(site), expected, `seed ${seed}, step ${step} (${edit.description})`);
        assertSameOutput(diskSnapshot(site), expected, `seed ${seed}, step ${step} (${edit.description}), on disk`);
        assert.ok(existsSync(dir));
      }
    });
  }
});
