// A source recalled from an earlier parse (the build cache's source memory) is the source a
// fresh read of the same file gives: same data, body, text, raw front matter and lines, for
// every shape of file the front matter parser accepts. Its file is read only when asked.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import v8 from "node:v8";
import { parseToRemember, readTemplateSource, recalledSource, textAsRead, type TemplateSource } from "./template-source.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-template-source-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  "yaml.md": "---\ntitle: Hello\ndate: 2024-01-02\ntags: [a, b]\n---\n# Body\n\nText with --- inside.\n",
  "crlf.md": "---\r\ntitle: Windows\r\n---\r\nLine one\r\nLine two\r\n",
  "bom.md": "\ufeff---\ntitle: With a byte order mark\n---\nBody\n",
  "none.md": "Just a body, no front matter.\n",
  "empty.md": "---\n---\nBody after empty front matter\n",
  "json.njk": '---json\n{ "title": "JSON" }\n---\n<p>{{ title }}</p>\n',
  "no-body.md": "---\ntitle: Only front matter\n---",
  "seed.md": '---\nlayout: layouts/news.njk\ntitle: "Rust Foundation joins"\ndescription: The\\_escape stays\nindex: false\n---\n**<u>[link](https://example.org)</u>**&nbsp;\n',
};

function fresh(name: string, excerpt = false): TemplateSource {
  return readTemplateSource(path.join(dir, name), dir, `./${name}`, name.split(".").pop()!, excerpt ? { excerpt: true, excerpt_alias: "summary" } : undefined);
}

function plain(source: TemplateSource): Record<string, unknown> {
  const { text, file, inputPath, relativePath, extension, virtual } = source;
  return { text, file, inputPath, relativePath, extension, virtual, frontMatter: { ...source.frontMatter } };
}

for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);

test("a recalled source equals a fresh read of the file, after a trip through the serializer", () => {
  for (const name of Object.keys(files)) {
    const original = fresh(name);
    const parse = parseToRemember(original);
    assert.ok(parse, `${name} can be remembered`);
    const recalled = recalledSource(original.file, dir, original.inputPath, original.extension, v8.deserialize(v8.serialize(parse)) as typeof parse);
    assert.deepEqual(plain(recalled), plain(original), name);
    assert.deepEqual(Object.keys(recalled.frontMatter), Object.keys(original.frontMatter), `${name}: keys in a parse's order`);
  }
});

test("a recalled source reads its file only when its text or body is asked for", () => {
  const file = path.join(dir, "lazy.md");
  writeFileSync(file, "---\ntitle: Lazy\n---\nFirst body\n");
  const parse = parseToRemember(readTemplateSource(file, dir, "./lazy.md", "md"))!;
  const recalled = recalledSource(file, dir, "./lazy.md", "md", parse);
  // Changed on disk after the recall: what the build then reads is the file as it is now.
  writeFileSync(file, "---\ntitle: Lazy\n---\nLater body\n");
  assert.equal(recalled.frontMatter.data.title, "Lazy");
  assert.equal(textAsRead(recalled), undefined, "a recalled source's text never vouches for the file");
  assert.equal(recalled.frontMatter.body, "Later body\n");
  rmSync(file);
  assert.equal(recalled.text, "---\ntitle: Lazy\n---\nLater body\n", "read once, then kept");
});

test("an excerpt that moves the body's text is not remembered; one that does not, is", () => {
  writeFileSync(path.join(dir, "excerpt.md"), "---\ntitle: E\n---\nThe summary\n---\nThe rest\n");
  assert.equal(parseToRemember(fresh("excerpt.md", true)), undefined);
  const kept = fresh("seed.md", true);
  const parse = parseToRemember(kept);
  assert.ok(parse);
  const recalled = recalledSource(kept.file, dir, kept.inputPath, kept.extension, parse);
  assert.deepEqual(plain(recalled), plain(kept));
});
