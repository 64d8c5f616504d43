// Front matter as Eleventy reads it: gray-matter's split (https://www.11ty.dev/docs/data-frontmatter/)
// with js-yaml's default schema for YAML, `---json` for JSON, and the body kept byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlinthError } from "../errors/plinth-error.js";
import { frontMatterKeyLocation, parseFrontMatter } from "./front-matter.js";

const FILE = "./news/post.md";

function parseError(text: string): PlinthError {
  try {
    parseFrontMatter(text, FILE);
  } catch (error) {
    assert.ok(error instanceof PlinthError, `expected a PlinthError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected the front matter to be rejected");
}

test("YAML front matter: keys become data, the body follows the closing line", () => {
  const fm = parseFrontMatter("---\ntitle: Hello\ncount: 3\nlist:\n  - a\n  - b\n---\n# Body\n", FILE);
  assert.deepEqual(fm.data, { title: "Hello", count: 3, list: ["a", "b"] });
  assert.equal(fm.body, "# Body\n");
  assert.equal(fm.matter, "title: Hello\ncount: 3\nlist:\n  - a\n  - b");
});

test("YAML: `\\_` in a double-quoted string is js-yaml's escape for a non-breaking space (U+00A0)", () => {
  const fm = parseFrontMatter('---\ndescription: "an Associate Member.\\_"\n---\n', FILE);
  assert.equal(fm.data.description, "an Associate Member.\u00a0");
});

test("YAML: other double-quoted escapes follow js-yaml; single quotes keep backslashes literally", () => {
  const fm = parseFrontMatter("---\na: \"tab\\there \\u00e9 \\x41\"\nb: 'it''s \\_ literal'\n---\n", FILE);
  assert.equal(fm.data.a, "tab\there é A");
  assert.equal(fm.data.b, "it's \\_ literal");
});

test("YAML: timestamps become Dates (a bare date is midnight UTC)", () => {
  const fm = parseFrontMatter("---\ndate: 2023-03-22\nupdated: 2023-03-22T12:30:00Z\nzoned: 2023-03-22 10:00:00 +2\n---\n", FILE);
  assert.ok(fm.data.date instanceof Date);
  assert.equal((fm.data.date as Date).toISOString(), "2023-03-22T00:00:00.000Z");
  assert.equal((fm.data.updated as Date).toISOString(), "2023-03-22T12:30:00.000Z");
  assert.equal((fm.data.zoned as Date).toISOString(), "2023-03-22T08:00:00.000Z");
});

test("YAML: a quoted date stays a string", () => {
  const fm = parseFrontMatter('---\ndate: "2023-03-22"\n---\n', FILE);
  assert.equal(fm.data.date, "2023-03-22");
});

test("`---yaml` names the default language explicitly", () => {
  assert.deepEqual(parseFrontMatter("---yaml\ntitle: x\n---\nbody", FILE).data, { title: "x" });
});

test("`---json` front matter is parsed as JSON", () => {
  const fm = parseFrontMatter('---json\n{\n  "title": "JSON title",\n  "tags": ["a", "b"]\n}\n---\nBody', FILE);
  assert.deepEqual(fm.data, { title: "JSON title", tags: ["a", "b"] });
  assert.equal(fm.body, "Body");
});

test("invalid `---json` front matter is a FrontMatterInvalid error with the file", () => {
  const error = parseError('---json\n{ "title": "x", }\n---\nBody');
  assert.equal(error.code, "FrontMatterInvalid");
  assert.equal(error.location?.file, FILE);
});

test("CRLF line endings: the data parses and the body starts after the closing line's CRLF", () => {
  const fm = parseFrontMatter("---\r\ntitle: Windows\r\ntags:\r\n  - a\r\n---\r\nLine one\r\nLine two\r\n", FILE);
  assert.deepEqual(fm.data, { title: "Windows", tags: ["a"] });
  assert.equal(fm.body, "Line one\r\nLine two\r\n");
  assert.equal(fm.bodyLine, 6);
});

test("a byte order mark before the opening line is ignored", () => {
  const fm = parseFrontMatter("\ufeff---\ntitle: BOM\n---\nbody", FILE);
  assert.deepEqual(fm.data, { title: "BOM" });
  assert.equal(fm.body, "body");
});

test("a file without front matter: no data, the whole text is the body", () => {
  const text = "# Just Markdown\n\n---\n\nA rule above, not front matter.\n";
  const fm = parseFrontMatter(text, FILE);
  assert.deepEqual(fm.data, {});
  assert.equal(fm.body, text);
  assert.equal(fm.bodyLine, 1);
});

test("front matter must start on the very first line", () => {
  for (const text of ["\n---\ntitle: x\n---\nb", "  ---\ntitle: x\n---\nb"]) {
    const fm = parseFrontMatter(text, FILE);
    assert.deepEqual(fm.data, {});
    assert.equal(fm.body, text);
  }
});

test("four dashes on the first line are not a front matter opener (gray-matter)", () => {
  const text = "----\ntitle: x\n----\nbody";
  const fm = parseFrontMatter(text, FILE);
  assert.deepEqual(fm.data, {});
  assert.equal(fm.body, text);
});

test("empty front matter: no data, body after the closing line", () => {
  const fm = parseFrontMatter("---\n---\nbody\n", FILE);
  assert.deepEqual(fm.data, {});
  assert.equal(fm.body, "body\n");
  assert.equal(fm.bodyLine, 3);
});

test("front matter holding only blank lines or comments is empty", () => {
  assert.deepEqual(parseFrontMatter("---\n\n\n---\nb", FILE).data, {});
  assert.deepEqual(parseFrontMatter("---\n# just a comment\n---\nb", FILE).data, {});
});

test("body split is byte-exact: only the line break after the closing `---` is removed", () => {
  const fm = parseFrontMatter("---\ntitle: x\n---\n\n\n  indented\n\ttab\n\n", FILE);
  assert.equal(fm.body, "\n\n  indented\n\ttab\n\n");
  assert.equal(fm.bodyLine, 4);
});

test("body split: a closing `---` at the end of the file leaves an empty body", () => {
  const fm = parseFrontMatter("---\ntitle: x\n---", FILE);
  assert.deepEqual(fm.data, { title: "x" });
  assert.equal(fm.body, "");
});

test("an unclosed front matter block takes the rest of the file, with an empty body (gray-matter)", () => {
  const fm = parseFrontMatter("---\ntitle: x\nsummary: y\n", FILE);
  assert.deepEqual(fm.data, { title: "x", summary: "y" });
  assert.equal(fm.body, "");
});

test("a `---` inside an indented YAML block scalar does not close the front matter", () => {
  const fm = parseFrontMatter("---\npoem: |\n  first\n  ---\n  last\n---\nbody", FILE);
  assert.equal(fm.data.poem, "first\n---\nlast\n");
  assert.equal(fm.body, "body");
});

test("bodyLine counts the lines of the front matter block", () => {
  assert.equal(parseFrontMatter("---\na: 1\nb: 2\nc: 3\n---\nbody", FILE).bodyLine, 6);
});

test("malformed YAML is a FrontMatterInvalid error at the file's line and column, with a code frame", () => {
  const text = "---\ntitle: x\n- item\n---\nbody\n";
  const error = parseError(text);
  assert.equal(error.code, "FrontMatterInvalid");
  assert.deepEqual(error.location, { file: FILE, line: 3, column: 1 });
  assert.ok(error.frame, "expected a code frame");
  assert.match(error.frame, /^> 3 \| - item$/m);
  assert.ok(error.cause, "the YAML parser's error is kept as the cause");
});

test("malformed YAML after a BOM is located on the same file line", () => {
  const error = parseError("\ufeff---\ntitle: x\n  bad: 1\n---\n");
  assert.equal(error.location?.line, 3);
});

test("malformed YAML in a CRLF file is located on the right line", () => {
  const error = parseError("---\r\ntitle: x\r\n- item\r\n---\r\n");
  assert.equal(error.location?.line, 3);
  assert.equal(error.location?.column, 1);
});

test("YAML that is a list or a scalar, not a mapping, is rejected", () => {
  assert.equal(parseError("---\n- a\n- b\n---\n").code, "FrontMatterInvalid");
  assert.equal(parseError("---\njust a string\n---\n").code, "FrontMatterInvalid");
});

test("an unsupported front matter language is reported as such, not parsed as YAML", () => {
  const error = parseError("---toml\ntitle = 'x'\n---\n");
  assert.equal(error.code, "UnsupportedApi");
  assert.equal(error.location?.file, FILE);
});

test("frontMatterKeyLocation: the line of a top-level key and the column where its value starts", () => {
  const text = "---\ntitle: Post\nlayout: missing.njk\npermalink:   /news/first/\n---\nbody\n";
  assert.deepEqual(frontMatterKeyLocation(text, "layout"), { line: 3, column: 9 });
  assert.deepEqual(frontMatterKeyLocation(text, "permalink"), { line: 4, column: 14 });
});

test("frontMatterKeyLocation: nested keys, the body and other languages are not searched", () => {
  const text = "---\nnav:\n  layout: x\n---\nlayout: y\n";
  assert.equal(frontMatterKeyLocation(text, "layout"), undefined);
  assert.equal(frontMatterKeyLocation('---json\n{ "layout": "x" }\n---\n', "layout"), undefined);
  assert.equal(frontMatterKeyLocation("no front matter\nlayout: x\n", "layout"), undefined);
});

test("frontMatterKeyLocation: quoted keys, CRLF and a BOM", () => {
  assert.deepEqual(frontMatterKeyLocation("\ufeff---\r\n'layout': base.njk\r\n---\r\n", "layout"), { line: 2, column: 11 });
});
