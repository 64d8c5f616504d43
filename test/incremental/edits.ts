/**
 * What the incremental tests share: the fixture site, copied per test; the seeded edits
 * (body, title, date, tags, permalink, exclusion from collections, layout, include, data
 * file, global data, add and delete a post, passthrough images); and the comparison of an
 * output with a full build's.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Prng } from "../../bench/prng.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = path.join(repoRoot, "test/incremental/site");

export function seeded(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

/**
 * A copy of the fixture site in a temporary folder. The config imports the RSS plugin, for a
 * full-content feed through htmlToAbsoluteUrls: the copy's own node_modules links to it, and
 * holds the build cache of `plinth build` as a project's would.
 */
export function copySite(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-incremental-"));
  cpSync(fixture, dir, { recursive: true });
  mkdirSync(path.join(dir, "node_modules", "@11ty"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules", "@11ty", "eleventy-plugin-rss"), path.join(dir, "node_modules", "@11ty", "eleventy-plugin-rss"), "dir");
  return dir;
}

/** Every file of an output folder, by its posix path relative to the folder. */
export function folderSnapshot(root: string): Map<string, string> {
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

export function assertSameOutput(actual: Map<string, string>, expected: Map<string, string>, step: string): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${step}: the set of output files differs`);
  for (const [file, content] of expected) {
    if (process.env.SHOW_DIFF && actual.get(file) !== content) console.log(step, file, "\nINC:", actual.get(file), "\nFULL:", content);
    assert.equal(actual.get(file), content, `${step}: ${file} differs from a full build`);
  }
}

export type Edit = (dir: string, random: () => number) => { description: string; files: string[] };

function posts(dir: string): string[] {
  return readdirSync(path.join(dir, "posts")).filter((f) => f.endsWith(".md")).sort();
}

function images(dir: string): string[] {
  return readdirSync(path.join(dir, "img")).sort();
}

export function pick<T>(list: T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

export function rewriteFrontMatter(file: string, key: string, value: string): void {
  const text = readFileSync(file, "utf8");
  const pattern = new RegExp(`^${key}:.*$`, "m");
  writeFileSync(file, pattern.test(text) ? text.replace(pattern, `${key}: ${value}`) : text.replace(/^---\n/, `---\n${key}: ${value}\n`));
}

let counter = 0;
export const edits: Record<string, Edit> = {
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

