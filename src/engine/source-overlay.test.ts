// The source overlay (unsaved text read instead of a template's file, for the studio's preview):
// an incremental update with the overlay gives exactly what a full build with it gives, on the
// page itself and on the pages that list it; dropping it gives back the files' output; a path
// with no file yet is a page while it is overlaid.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { Site } from "./site.js";

const cwd = mkdtempSync(path.join(os.tmpdir(), "plinth-overlay-"));
after(() => rmSync(cwd, { recursive: true, force: true }));

function file(relative: string, text: string): string {
  const abs = path.join(cwd, relative);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return abs;
}

file("_includes/post.njk", "<article><h1>{{ title }}</h1>{{ content | safe }}</article>\n");
file("posts/posts.json", JSON.stringify({ tags: ["post"], layout: "post.njk" }));
const first = file("posts/first.md", "---\ntitle: First\ndate: 2024-01-01\n---\nHello *world*.\n");
file("posts/second.md", "---\ntitle: Second\ndate: 2024-01-02\n---\nAgain.\n");
file("index.njk", "<ul>{% for p in collections.post %}<li>{{ p.data.title }}</li>{% endfor %}</ul>\n");
file("about.md", "# About\n");

function outputs(site: Site): Record<string, string> {
  return Object.fromEntries([...site.memory.files].map(([k, v]) => [k, v.toString()]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

async function fullBuild(overlay: Map<string, string>): Promise<Record<string, string>> {
  const site = new Site({ cwd, sourceOverlay: new Map(overlay), runMode: "serve" });
  await site.build();
  return outputs(site);
}

test("an overlaid template renders from the overlay, incrementally exactly as a full build", async () => {
  const overlay = new Map<string, string>();
  const site = new Site({ cwd, sourceOverlay: overlay, runMode: "serve" });
  await site.build();
  const original = outputs(site);
  assert.match(original["posts/first/index.html"]!, /<h1>First<\/h1><p>Hello <em>world<\/em>.<\/p>/);

  overlay.set(first, "---\ntitle: First, edited\ndate: 2024-01-01\n---\nHello *there*.\n");
  const update = await site.update([first]);
  assert.equal(update.full, false, "an incremental update");
  const now = outputs(site);
  assert.match(now["posts/first/index.html"]!, /<h1>First, edited<\/h1><p>Hello <em>there<\/em>.<\/p>/);
  assert.match(now["index.html"]!, /<li>First, edited<\/li>/, "the page listing it follows");
  assert.deepEqual(now, await fullBuild(overlay));
  assert.deepEqual(update.changed.sort(), ["index.html", "posts/first/index.html"]);

  overlay.delete(first);
  await site.update([first]);
  assert.deepEqual(outputs(site), original, "dropping the overlay gives back the file's output");
});

test("a path with no file yet is a page while it is overlaid", async () => {
  const overlay = new Map<string, string>();
  const site = new Site({ cwd, sourceOverlay: overlay, runMode: "serve" });
  await site.build();
  const original = outputs(site);
  const fresh = path.join(cwd, "posts", "third.md");
  overlay.set(fresh, "---\ntitle: Third\ndate: 2024-01-03\n---\nNew.\n");
  await site.update([fresh]);
  const now = outputs(site);
  assert.match(now["posts/third/index.html"]!, /<h1>Third<\/h1>/);
  assert.match(now["index.html"]!, /<li>Third<\/li>/);
  assert.deepEqual(now, await fullBuild(overlay));
  overlay.delete(fresh);
  await site.update([fresh]);
  assert.deepEqual(outputs(site), original);
});

test("an overlay with broken front matter fails the build with the overlay's location, and recovers", async () => {
  const overlay = new Map<string, string>();
  const site = new Site({ cwd, sourceOverlay: overlay, runMode: "serve" });
  await site.build();
  overlay.set(first, "---\ntitle: [unclosed\n---\nx\n");
  await assert.rejects(site.update([first]), (error: unknown) => {
    const errors = (error as { errors?: { location?: { file: string; line?: number } }[] }).errors ?? [error as { location?: { file: string; line?: number } }];
    return errors.some((e) => e.location?.file === "./posts/first.md" && e.location.line !== undefined);
  });
  overlay.delete(first);
  await site.update([first]);
  assert.match(outputs(site)["posts/first/index.html"]!, /<h1>First<\/h1>/);
});
