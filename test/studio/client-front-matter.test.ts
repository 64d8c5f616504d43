// The browser app's front matter text model (src/studio/client/front-matter-text.ts and
// yaml-scalar.ts): untouched text keeps its bytes, and an edited field is written in its
// key's style. These modules are plain TypeScript, so they run under node here.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";
import { blockOf, joinEntryText, parseEntryText, valueText, withBlock } from "../../src/studio/client/front-matter-text.js";
import { isPlainSafe, styleOf, yamlBlock } from "../../src/studio/client/yaml-scalar.js";
import { repoRoot } from "../server/serve-process.js";

const SEED = readFileSync(path.join(repoRoot, "examples/foundation/news/2023-03-22-openinfra-associate-membership.md"), "utf8");

function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" || name === "_site" ? [] : contentFiles(file);
    return /\.(md|njk|liquid|html)$/.test(name) ? [file] : [];
  });
}

describe("entry text", () => {
  test("every content file of the example site and the fixtures joins back to its exact text", () => {
    const files = [...contentFiles(path.join(repoRoot, "examples/foundation")), ...contentFiles(path.join(repoRoot, "test/fixtures"))];
    assert.ok(files.length > 50, `only ${files.length} files found`);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      assert.equal(joinEntryText(parseEntryText(text)), text, file);
    }
  });

  test("the seed post's keys become one block each, and the body starts after the closing line", () => {
    const doc = parseEntryText(SEED);
    assert.deepEqual(
      doc.blocks.map((block) => block.key),
      ["title", "byline", "description", "date", "tags", "index", "layout"],
    );
    assert.equal(blockOf(doc, "tags")?.text, "tags:\n  - announcement\n");
    assert.ok(doc.body.startsWith("<img src="));
  });

  test("editing one field changes only its block", () => {
    const doc = parseEntryText(SEED);
    const edited = joinEntryText(withBlock(doc, "title", yamlBlock("title", "A new title", styleOf(valueText(blockOf(doc, "title")!)), "\n")));
    assert.equal(edited, SEED.replace("title: Rust Foundation Joins Open Infrastructure Foundation as Associate Member", "title: A new title"));
  });

  test("comments and blank lines between keys stay where they are", () => {
    const text = "---\n# written by hand\ntitle: 'It''s here' # keep me\n\ntags: [a, b]\nnested:\n  x: 1\n\n  y: 2\n---\nBody\n";
    const doc = parseEntryText(text);
    assert.deepEqual(
      doc.blocks.map((block) => block.key),
      [null, "title", null, "tags", "nested"],
    );
    assert.equal(blockOf(doc, "nested")?.text, "nested:\n  x: 1\n\n  y: 2\n");
    const next = withBlock(doc, "tags", yamlBlock("tags", ["a", "b", "c d"], styleOf(valueText(blockOf(doc, "tags")!)), "\n"));
    assert.equal(joinEntryText(next), text.replace("tags: [a, b]", "tags: [a, b, c d]"));
  });

  test("a new key goes before the closing line; a file without front matter gains some", () => {
    assert.equal(joinEntryText(withBlock(parseEntryText("---\ntitle: x\n---\nBody"), "draft", "draft: true")), "---\ntitle: x\ndraft: true\n---\nBody");
    assert.equal(joinEntryText(withBlock(parseEntryText("Just text\n"), "title", "title: T")), "---\ntitle: T\n---\nJust text\n");
  });

  test("CRLF files keep CRLF", () => {
    const text = "---\r\ntitle: x\r\ntags:\r\n  - a\r\n---\r\nBody\r\n";
    const doc = parseEntryText(text);
    assert.equal(joinEntryText(doc), text);
    assert.equal(joinEntryText(withBlock(doc, "draft", yamlBlock("draft", true, undefined, doc.newline))), text.replace("---\r\nBody", "draft: true\r\n---\r\nBody"));
  });
});

describe("YAML values", () => {
  test("the seed's description, typed with its trailing no-break space, is written as the seed writes it", () => {
    const value = "he Rust Foundation is pleased to announce its new status as an Associate Member of the Open Infrastructure Foundation (OpenInfra) – an organization that seeks to protect, empower, and promote the Open Infrastructure community and open source software projects globally.\u00a0";
    const block = yamlBlock("description", value, undefined, "\n");
    assert.ok(SEED.includes(`\n${block}\n`), block);
    assert.equal((parse(block) as { description: string }).description, value);
  });

  test("strings that YAML would read as something else are quoted, and read back the same", () => {
    for (const text of ["true", "no", "1.5", "2023-01-01", "- item", "a: b", "x #y", " lead", "null", "~", "[x]", "it's", 'say "hi"', "tab\there", "café"]) {
      const block = yamlBlock("k", text, undefined, "\n");
      assert.equal((parse(block) as { k: unknown }).k, text, block);
    }
    assert.equal(isPlainSafe("Board election results"), true);
  });

  test("lists keep their style; multi-line text becomes a literal block", () => {
    assert.equal(yamlBlock("tags", ["a", "b"], { style: "block", indent: "    " }, "\n"), "tags:\n    - a\n    - b");
    assert.equal(yamlBlock("tags", ["a", "b"], { style: "flow", indent: "  " }, "\n"), "tags: [a, b]");
    const multi = yamlBlock("bio", "line one\n\nline two\n", undefined, "\n");
    assert.equal(multi, "bio: |\n  line one\n\n  line two");
    assert.equal((parse(multi) as { bio: string }).bio, "line one\n\nline two\n");
  });
});
