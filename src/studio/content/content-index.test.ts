// The index after an update takes in only the templates the update re-made (BuildResult.remade):
// an edited title, tag or date shows in the list, in the list's order, and a file with unsaved
// preview text stays listed as saved.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { Site } from "../../engine/site.js";
import { ContentIndex } from "./content-index.js";

describe("content index refresh after an update", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-content-index-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, "news"));
  const post = (n: number, title: string, tags = "[news]") => `---\ntitle: ${title}\ndate: 2024-01-0${n}\ntags: ${tags}\n---\nBody ${n}.\n`;
  for (const n of [1, 2, 3]) writeFileSync(path.join(dir, `news/p${n}.md`), post(n, `Post ${n}`));

  it("updates the entries of re-made templates only, in place", async () => {
    const overlay = new Map<string, string>();
    const site = new Site({ cwd: dir, runMode: "serve", sourceOverlay: overlay });
    const first = await site.build();
    const index = new ContentIndex();
    index.refresh(first.result.state);
    const order = index.entriesOf().map((e) => e.path);
    assert.deepEqual(order, ["news/p1.md", "news/p2.md", "news/p3.md"]);

    const p2 = path.join(dir, "news/p2.md");
    writeFileSync(p2, post(2, "Renamed", "[news, fresh]"));
    const update = await site.update([p2]);
    assert.deepEqual([...update.result.remade!], [p2]);
    index.refresh(update.result.state, new Set(), update.result.remade);
    assert.equal(index.entry("news/p2.md")?.title, "Renamed");
    assert.deepEqual(index.entry("news/p2.md")?.tags, ["news", "fresh"]);
    assert.deepEqual(index.tags().find((t) => t.tag === "fresh"), { tag: "fresh", count: 1 });
    assert.deepEqual(index.entriesOf().map((e) => e.path), order);
    assert.deepEqual(index.query({ q: "renamed" }).entries.map((e) => e.path), ["news/p2.md"]);

    // Unsaved text in the preview: the list keeps the file as saved.
    const p3 = path.join(dir, "news/p3.md");
    overlay.set(p3, post(3, "Only In The Preview"));
    const preview = await site.update([p3]);
    index.refresh(preview.result.state, new Set(["news/p3.md"]), preview.result.remade);
    assert.equal(index.entry("news/p3.md")?.title, "Post 3");
  });
});
