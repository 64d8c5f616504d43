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
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Prng } from "../../bench/prng.js";
import { build, rebuild } from "../../src/engine/build.js";
import { Site } from "../../src/engine/site.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";
import { fullBuild, snapshot } from "./outputs.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = path.join(repoRoot, "test/incremental/site");

function seeded(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

function copySite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-incremental-"));
  cpSync(fixture, dir, { recursive: true });
  // The config imports the RSS plugin, for a full-content feed through htmlToAbsoluteUrls.
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

/** The output folder as `--to-disk` keeps it. */
function diskSnapshot(site: Site): Map<string, string> {
  const root = site.lastResult!.paths.output;
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else files.set(path.relative(root, abs).split(path.sep).join("/"), readFileSync(abs, "utf8"));
    }
  };
  walk(root);
  return files;
}

function assertSameOutput(actual: Map<string, string>, expected: Map<string, string>, step: string): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${step}: the set of output files differs`);
  for (const [file, content] of expected) {
    if (process.env.SHOW_DIFF && actual.get(file) !== content) console.log(step, file, "\nINC:", actual.get(file), "\nFULL:", content);
    assert.equal(actual.get(file), content, `${step}: ${file} differs from a full build`);
  }
}

type Edit = (dir: string, random: () => number) => { description: string; files: string[] };

function posts(dir: string): string[] {
  return readdirSync(path.join(dir, "posts")).filter((f) => f.endsWith(".md")).sort();
}

function images(dir: string): string[] {
  return readdirSync(path.join(dir, "img")).sort();
}

function pick<T>(list: T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function rewriteFrontMatter(file: string, key: string, value: string): void {
  const text = readFileSync(file, "utf8");
  const pattern = new RegExp(`^${key}:.*$`, "m");
  writeFileSync(file, pattern.test(text) ? text.replace(pattern, `${key}: ${value}`) : text.replace(/^---\n/, `---\n${key}: ${value}\n`));
}

let counter = 0;
const edits: Record<string, Edit> = {
  body(dir, random) {
    const file = path.join(dir, "posts", pick(posts(dir), random));
    // A relative link, for the feed's htmlToAbsoluteUrls to rewrite.
    writeFileSync(file, `${readFileSync(file, "utf8")}\nAnother [paragraph](../p${counter % 6}/) ${counter++}.\n`);
    return { description: `body of ${path.basename(file)}`, files: [file] };
  },
  title(dir, random) {
    const file = path.join(dir, "posts", pick(posts(dir), random));
    rewriteFrontMatter(file, "title", `Retitled ${counter++}`);
    return { description: `title of ${path.basename(file)}`, files: [file] };
  },
  date(dir, random) {
    const file = path.join(dir, "posts", pick(posts(dir), random));
    rewriteFrontMatter(file, "date", `2024-02-${String(1 + Math.floor(random() * 27)).padStart(2, "0")}`);
    return { description: `date of ${path.basename(file)}`, files: [file] };
  },
  tags(dir, random) {
    const file = path.join(dir, "posts", pick(posts(dir), random));
    rewriteFrontMatter(file, "tags", `[t${Math.floor(random() * 5)}]`);
    return { description: `tags of ${path.basename(file)}`, files: [file] };
  },
  permalink(dir, random) {
    const file = path.join(dir, "posts", pick(posts(dir), random));
    rewriteFrontMatter(file, "permalink", `/moved/${counter++}/`);
    return { description: `permalink of ${path.basename(file)}`, files: [file] };
  },
  exclusion(dir, random) {
    const file = path.join(dir, "posts", pick(posts(dir), random));
    rewriteFrontMatter(file, "eleventyExcludeFromCollections", random() < 0.5 ? "true" : "false");
    return { description: `collections exclusion of ${path.basename(file)}`, files: [file] };
  },
  layout(dir) {
    const file = path.join(dir, "_includes/post.njk");
    writeFileSync(file, readFileSync(file, "utf8").replace("<article>", `<article data-v="${counter++}">`));
    return { description: "the post layout", files: [file] };
  },
  include(dir) {
    const file = path.join(dir, "_includes/nav.njk");
    writeFileSync(file, `<nav><a href="/">Home ${counter++}</a> <a href="/about/">About</a></nav>\n`);
    return { description: "the nav include", files: [file] };
  },
  dataFile(dir) {
    const file = path.join(dir, "posts/posts.json");
    writeFileSync(file, JSON.stringify({ tags: ["posts"], layout: "post.njk", edition: counter++ }));
    return { description: "the posts directory data file", files: [file] };
  },
  globalData(dir) {
    const file = path.join(dir, "_data/site.json");
    writeFileSync(file, JSON.stringify({ title: `Site ${counter++}` }));
    return { description: "global data", files: [file] };
  },
  add(dir, random) {
    const n = counter++;
    const file = path.join(dir, "posts", `new-${n}.md`);
    writeFileSync(file, `---\ntitle: New post ${n}\ndate: 2024-03-${String(1 + Math.floor(random() * 27)).padStart(2, "0")}\ntags: [t${n % 4}]\n---\nNew body ${n}.\n`);
    return { description: `add ${path.basename(file)}`, files: [file] };
  },
  image(dir, random) {
    const file = path.join(dir, "img", pick(images(dir), random));
    writeFileSync(file, `${readFileSync(file, "utf8")}edited ${counter++}\n`);
    return { description: `image ${path.basename(file)}`, files: [file] };
  },
  addImage(dir) {
    const file = path.join(dir, "img", `new-${counter++}.jpg`);
    writeFileSync(file, `new image ${counter}\n`);
    return { description: `add image ${path.basename(file)}`, files: [file] };
  },
  removeImage(dir, random) {
    const list = images(dir);
    if (list.length <= 1) return edits.addImage!(dir, random);
    const file = path.join(dir, "img", pick(list, random));
    rmSync(file);
    return { description: `delete image ${path.basename(file)}`, files: [file] };
  },
  remove(dir, random) {
    const list = posts(dir);
    if (list.length <= 2) return edits.add!(dir, random);
    const file = path.join(dir, "posts", pick(list, random));
    rmSync(file);
    return { description: `delete ${path.basename(file)}`, files: [file] };
  },
};

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
