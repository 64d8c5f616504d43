// Saving keeps what was not changed, byte for byte: over every content file of the example site
// and the compat fixtures, a save without changes gives the same bytes, and changing one field
// changes that field's text and nothing else (checked against the engine's own front matter parser).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parseFrontMatter } from "../../engine/front-matter.js";
import { repoRoot } from "../../../test/compat/build-site.js";
import { parseDocument, isMap, isScalar, type Node, type Pair } from "yaml";
import { editFile, sameValue } from "./front-matter-edit.js";
import { joinFile, matterData, splitFile } from "./front-matter-text.js";

const CONTENT = /\.(md|markdown|njk|liquid|html)$/;

function contentFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "_site" || entry.name.startsWith("expected")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (CONTENT.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(repoRoot(), "examples", "foundation"));
  walk(path.join(repoRoot(), "test", "fixtures"));
  return out.sort();
}

/** A different value of the same kind, as a form would send it. */
function changed(value: unknown): unknown {
  if (typeof value === "string") return `${value} (edited)`;
  if (typeof value === "boolean") return !value;
  if (typeof value === "number") return value + 1;
  if (Array.isArray(value)) return [...value, "added"];
  if (value === null) return "now set";
  if (typeof value === "object") return { ...(value as object), added: "yes" };
  return "x";
}

const files = contentFiles();

describe("front matter edits over every content file", () => {
  it("finds the files", () => {
    assert.ok(files.length > 100, `only ${files.length} files`);
    assert.ok(files.some((f) => f.endsWith("2023-03-22-openinfra-associate-membership.md")));
  });

  it("cuts and joins every file to the same bytes, with the engine's body", () => {
    for (const file of files) {
      const raw = readFileSync(file, "utf8");
      const parts = splitFile(raw);
      assert.equal(joinFile(parts), raw, file);
      let engineBody: string | undefined;
      try {
        engineBody = parseFrontMatter(raw, file).body;
      } catch {
        continue; // Deliberately broken front matter in an error fixture.
      }
      assert.equal(parts.body, engineBody.replace(/^\ufeff/, ""), file);
    }
  });

  it("saves every file unchanged as the same bytes", () => {
    let checked = 0;
    for (const file of files) {
      const raw = readFileSync(file, "utf8");
      const parts = splitFile(raw);
      let data: Record<string, unknown>;
      try {
        data = matterData(parts, file);
      } catch {
        continue;
      }
      assert.equal(editFile(raw, { frontMatter: structuredClone(data), body: parts.body }, file), raw, file);
      checked++;
    }
    assert.ok(checked > 100);
  });

  it("changes one field's text and nothing else, for every field of every file", () => {
    let checked = 0;
    for (const file of files) {
      const raw = readFileSync(file, "utf8");
      const parts = splitFile(raw);
      if (!parts.open || parts.language !== "yaml") continue;
      let data: Record<string, unknown>;
      try {
        data = matterData(parts, file);
      } catch {
        continue;
      }
      const doc = parseDocument(parts.matter);
      if (!isMap(doc.contents) || doc.contents.flow) continue;
      const offset = parts.bom.length + parts.open.length;
      for (const pair of doc.contents.items as Pair[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const keyNode = pair.key as Node;
        const valueNode = pair.value as Node | null;
        const start = keyNode.range![0];
        let end = valueNode?.range ? Math.max(valueNode.range[1], keyNode.range![1] + 1) : parts.matter.indexOf(":", keyNode.range![1]) + 1;
        while (/\s/.test(parts.matter[end - 1]!)) end--;
        const next = { ...data, [key]: changed(data[key]) };
        const out = editFile(raw, { frontMatter: next }, file);
        const where = `${path.relative(repoRoot(), file)} field ${key}`;
        assert.ok(out.startsWith(raw.slice(0, offset + start)), `${where}: text before the field changed`);
        assert.ok(out.endsWith(raw.slice(offset + end)), `${where}: text after the field changed`);
        // What the engine reads back is the new value, and every other field as it was.
        const engine = parseFrontMatter(out, file).data;
        const before = parseFrontMatter(raw, file).data;
        for (const other of Object.keys(before)) if (other !== key) assert.ok(sameValue(engine[other], before[other]), `${where}: ${other} changed`);
        assert.ok(sameValue(matterData(splitFile(out), file)[key], next[key]), `${where}: new value not read back`);
        checked++;
      }
    }
    assert.ok(checked > 300, `only ${checked} fields`);
  });
});

describe("front matter edits: the seed post", () => {
  const seed = readFileSync(path.join(repoRoot(), "examples", "foundation", "news", "2023-03-22-openinfra-associate-membership.md"), "utf8");

  it("keeps the `\\_` escape and the quotes of a field it did not touch", () => {
    const parts = splitFile(seed);
    const data = matterData(parts, "seed.md");
    const out = editFile(seed, { frontMatter: { ...data, title: "A New Title" } }, "seed.md");
    assert.match(out, /^title: A New Title$/m);
    assert.ok(out.includes('globally.\\_"'), "the escape is kept as written");
    assert.equal(out.replace(/^title: .*$/m, ""), seed.replace(/^title: .*$/m, ""));
  });

  it("writes a changed list in its block style, and adds a new field at the end", () => {
    const data = matterData(splitFile(seed), "seed.md");
    const out = editFile(seed, { frontMatter: { ...data, tags: ["announcement", "membership"], featured: true } }, "seed.md");
    assert.match(out, /^tags:\n {2}- announcement\n {2}- membership\nindex: false\nlayout: layouts\/news.njk\nfeatured: true\n---\n/m);
  });

  it("removes a field with its line, keeps a comment and CRLF line breaks", () => {
    const text = "---\r\ntitle: A # the title\r\nbyline:\r\ndraft: true\r\n---\r\nBody\r\n";
    const out = editFile(text, { frontMatter: { title: "B", draft: true } }, "x.md");
    assert.equal(out, "---\r\ntitle: B # the title\r\ndraft: true\r\n---\r\nBody\r\n");
  });

  it("keeps a quoted field quoted, and quotes a value that would read as another type", () => {
    const text = "---\ntitle: 'Old'\ncode: abc\n---\n";
    assert.equal(editFile(text, { frontMatter: { title: "New", code: "2023" } }, "x.md"), "---\ntitle: 'New'\ncode: \"2023\"\n---\n");
  });

  it("gives a file without front matter its first block", () => {
    assert.equal(editFile("Hello\n", { frontMatter: { title: "Hi" } }, "x.md"), "---\ntitle: Hi\n---\nHello\n");
  });
});
