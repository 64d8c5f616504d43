import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import yaml from "js-yaml";
import { generateSite, siteFiles, writeSite } from "./generate-site.js";
import { TAGS } from "./vocabulary.js";

/** dist/bench/ -> repository root. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(match, "post starts with a front matter block");
  return { data: yaml.load(match[1] ?? "") as Record<string, unknown>, body: match[2] ?? "" };
}

/** A deliberately different count from the generator's: drop URLs and Markdown markers, split on spaces. */
function roughWordCount(markdown: string): number {
  return markdown
    .replace(/\]\([^)]*\)/g, "]")
    .split(/\s+/)
    .filter((token) => /[A-Za-z0-9]/.test(token)).length;
}

function postFiles(site: ReturnType<typeof generateSite>): { path: string; text: string }[] {
  return site.files.flatMap((file) => (file.path.startsWith("news/") && file.path.endsWith(".md") && typeof file.text === "string" ? [{ path: file.path, text: file.text }] : []));
}

describe("generateSite", () => {
  it("produces the same files for the same seed and size", () => {
    const first = generateSite({ posts: 60, seed: "alpha" });
    const second = generateSite({ posts: 60, seed: "alpha" });
    assert.deepEqual(second.files, first.files);
  });

  it("streams the same files as it builds in memory", () => {
    assert.deepEqual([...siteFiles({ posts: 30, seed: "alpha" })], generateSite({ posts: 30, seed: "alpha" }).files);
  });

  it("produces different posts for a different seed", () => {
    const alpha = postFiles(generateSite({ posts: 20, seed: "alpha" }));
    const beta = postFiles(generateSite({ posts: 20, seed: "beta" }));
    assert.notDeepEqual(beta, alpha);
  });

  it("writes one Markdown file per post, with unique paths", () => {
    const site = generateSite({ posts: 250 });
    const posts = postFiles(site);
    assert.equal(posts.length, 250);
    assert.equal(new Set(site.files.map((file) => file.path)).size, site.files.length);
  });

  it("gives every post a title, description, explicit date, 1-3 known tags and the post layout", () => {
    let previous = Number.NEGATIVE_INFINITY;
    for (const file of postFiles(generateSite({ posts: 300 }))) {
      const { data } = splitFrontMatter(file.text);
      assert.equal(typeof data.title, "string", file.path);
      assert.equal(typeof data.description, "string", file.path);
      assert.ok(data.date instanceof Date, `${file.path} has a YAML timestamp date`);
      assert.ok(data.date.getTime() > previous, `${file.path} is dated after the post before it`);
      previous = data.date.getTime();
      assert.ok(Array.isArray(data.tags), file.path);
      assert.ok(data.tags.length >= 1 && data.tags.length <= 3, `${file.path} has 1-3 tags`);
      for (const tag of data.tags) assert.ok((TAGS as readonly unknown[]).includes(tag), `${file.path}: ${String(tag)}`);
      assert.equal(data.layout, "layouts/post.njk");
    }
  });

  it("keeps every post body between 400 and 800 words", () => {
    const site = generateSite({ posts: 400, seed: "word-count" });
    for (const file of postFiles(site)) {
      const words = roughWordCount(splitFrontMatter(file.text).body);
      assert.ok(words >= 400 && words <= 800, `${file.path} has ${words} words`);
    }
    for (const post of site.posts) assert.ok(post.words >= 400 && post.words <= 800, `${post.path}: ${post.words}`);
  });

  it("keeps template syntax out of Markdown, which Eleventy preprocesses with Liquid", () => {
    for (const file of postFiles(generateSite({ posts: 200 }))) {
      assert.doesNotMatch(splitFrontMatter(file.text).body, /\{[{%]/, file.path);
    }
  });

  it("puts every tier on the roster", () => {
    const tiers = new Set(generateSite({ posts: 10 }).members.map((member) => member.tier));
    assert.deepEqual([...tiers].sort(), ["associate", "gold", "platinum", "silver"]);
  });

  it("rejects a size that is not a positive integer", () => {
    assert.throws(() => generateSite({ posts: 0 }), /positive integer/);
    assert.throws(() => generateSite({ posts: 2.5 }), /positive integer/);
  });
});

describe("a generated site built by Eleventy 3", () => {
  it("writes every post, index page, tag page, the roster, the feed and the home page", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "plinth-bench-test-"));
    try {
      const siteDir = path.join(root, "site");
      const outDir = path.join(root, "out");
      const site = generateSite({ posts: 45 });
      await writeSite(site.files, siteDir);
      const eleventy = path.join(repoRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
      await promisify(execFile)(process.execPath, [eleventy, "--input=.", `--output=${outDir}`, "--quiet"], { cwd: siteDir });

      const written = (await readdir(outDir, { recursive: true })).filter((file) => /\.(html|xml)$/.test(file));
      const tags = new Set(site.posts.flatMap((post) => post.tags));
      // 45 posts, 3 news index pages of 20, one page per tag, roster, feed, home.
      assert.equal(written.length, 45 + 3 + tags.size + 3);

      const newest = site.posts[site.posts.length - 1];
      assert.ok(newest);
      const feed = await readFile(path.join(outDir, "feed.xml"), "utf8");
      assert.equal(feed.match(/<entry>/g)?.length, 20);
      assert.ok(feed.includes(`<title>${newest.title}</title>`), "the newest post comes first in the feed");

      const secondNewest = site.posts[site.posts.length - 2];
      assert.ok(secondNewest);
      const slug = secondNewest.path.replace(/^news\/|\.md$/g, "");
      const page = await readFile(path.join(outDir, "news", slug, "index.html"), "utf8");
      assert.match(page, /<a rel="prev" href="\/news\/[^"]+\/">Previous: /);
      assert.ok(page.includes(`href="/${newest.path.replace(/\.md$/, "/")}">Next: `), "links to the next post");
      for (const tag of secondNewest.tags) {
        assert.ok(page.includes(`/tags/${tag.replace(/ /g, "-")}/`), `links to the ${tag} tag page`);
      }
      const secondPage = await readFile(path.join(outDir, "news", "page", "2", "index.html"), "utf8");
      assert.match(secondPage, /Page 2 of 3/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("generateSite, real shape", () => {
  const plain = generateSite({ posts: 30, seed: "alpha" });
  const real = generateSite({ posts: 30, seed: "alpha", shape: "real" });
  const file = (site: typeof real, name: string) => site.files.find((f) => f.path === name);

  it("keeps the plain shape's posts and adds images and footnotes to some of them", () => {
    assert.deepEqual(real.posts, plain.posts);
    const first = file(real, plain.posts[0]!.path)?.text;
    assert.equal(typeof first, "string");
    assert.ok((first as string).startsWith(file(plain, plain.posts[0]!.path)?.text as string));
    assert.match(first as string, /!\[[^\]]*\]\(\/img\/photo-001\.jpg\)/);
    assert.match(first as string, /\[\^source\]:/);
  });

  it("sets its own markdown-it and the RSS plugin, and writes a full-content feed of 200 posts", () => {
    const config = file(real, "eleventy.config.js")?.text as string;
    assert.match(config, /setLibrary\("md", markdown\)/);
    assert.match(config, /addPlugin\(pluginRss\)/);
    assert.match(file(real, "feed.njk")?.text as string, /slice\(-200\)[\s\S]*htmlToAbsoluteUrls/);
  });

  it("adds 300 passthrough images of 100 to 200 KB, the same bytes for the same seed", () => {
    const images = real.files.filter((f) => f.path.startsWith("img/"));
    assert.equal(images.length, 300);
    for (const image of images) {
      assert.ok(image.text instanceof Uint8Array);
      assert.ok(image.text.length >= 100 * 1024 && image.text.length <= 200 * 1024, image.path);
    }
    const again = generateSite({ posts: 30, seed: "alpha", shape: "real" }).files.filter((f) => f.path.startsWith("img/"));
    assert.deepEqual(again, images);
  });
});
