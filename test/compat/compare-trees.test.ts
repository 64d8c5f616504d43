import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { compareTrees, formatComparison, listFiles, normaliseMarkup } from "./compare-trees.js";

type Tree = Record<string, string | Buffer>;

async function writeTree(files: Tree): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "plinth-compare-"));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

async function compare(expected: Tree, actual: Tree) {
  const [left, right] = await Promise.all([writeTree(expected), writeTree(actual)]);
  try {
    return await compareTrees(left, right);
  } finally {
    await Promise.all([rm(left, { recursive: true }), rm(right, { recursive: true })]);
  }
}

test("normaliseMarkup removes whitespace between tags and trailing whitespace only", () => {
  assert.equal(normaliseMarkup("<ul>\n  <li>a b</li>  \n</ul>\n\n"), "<ul><li>a b</li></ul>");
  assert.equal(normaliseMarkup("<p>one  two</p>"), "<p>one  two</p>");
  assert.equal(normaliseMarkup("<p>a</p>\ntext  \nmore\t\n"), "<p>a</p>\ntext\nmore");
  assert.equal(normaliseMarkup("<p> a</p>"), "<p> a</p>");
});

test("listFiles returns sorted posix paths of nested files", async () => {
  const root = await writeTree({ "b.html": "", "a/z.txt": "", "a/b/c.css": "" });
  try {
    assert.deepEqual(await listFiles(root), ["a/b/c.css", "a/z.txt", "b.html"]);
  } finally {
    await rm(root, { recursive: true });
  }
});

test("listFiles treats a missing folder as empty", async () => {
  assert.deepEqual(await listFiles(path.join(os.tmpdir(), "plinth-does-not-exist-7f3a")), []);
});

test("equal trees compare equal", async () => {
  const tree = { "index.html": "<main>\n  <h1>Hi</h1>\n</main>\n", "feed.xml": "<feed>\n\t<id>x</id>\n</feed>", "a.css": "p{}" };
  const result = await compare(tree, tree);
  assert.equal(result.equal, true);
  assert.equal(result.compared, 3);
  assert.equal(formatComparison(result), "trees are equal (3 files)");
});

test("whitespace between tags in markup is significant by default", async () => {
  // What a reader sees: "a b" against "ab", and a <pre> block's line breaks.
  const inline = await compare({ "index.html": "<p><em>a</em> <strong>b</strong></p>" }, { "index.html": "<p><em>a</em><strong>b</strong></p>" });
  assert.equal(inline.equal, false);
  assert.match(formatComparison(inline), /index\.html: differs in whitespace only/);
  const pre = await compare({ "index.html": "<pre><code>\n<b>x</b>\n  <i>y</i></code></pre>" }, { "index.html": "<pre><code><b>x</b><i>y</i></code></pre>" });
  assert.equal(pre.equal, false);
  const trailing = await compare({ "feed.xml": "<feed/>\n" }, { "feed.xml": "<feed/>" });
  assert.equal(trailing.equal, false);
});

test("ignoreMarkupWhitespace forgives whitespace between tags and at line ends, in markup only", async () => {
  const options = { ignoreMarkupWhitespace: true };
  const [left, right] = await Promise.all([
    writeTree({ "index.html": "<main>\n  <h1>Hi</h1>\n</main>\n", "feed.xml": "<feed>\n\t<id>x</id>\n</feed>", "a.css": "p {}\n" }),
    writeTree({ "index.html": "<main><h1>Hi</h1></main>", "feed.xml": "<feed><id>x</id></feed>\n  ", "a.css": "p {}  \n" }),
  ]);
  try {
    const result = await compareTrees(left, right, options);
    assert.deepEqual(result.differing.map((d) => d.path), ["a.css"]);
  } finally {
    await Promise.all([rm(left, { recursive: true }), rm(right, { recursive: true })]);
  }
});

test("whitespace in non-markup files is significant", async () => {
  const result = await compare({ "style.css": "p {}\n" }, { "style.css": "p {}  \n" });
  assert.equal(result.equal, false);
  assert.equal(result.differing[0]?.path, "style.css");
});

test("whitespace inside text in markup is significant", async () => {
  const result = await compare({ "index.html": "<p>a b</p>" }, { "index.html": "<p>a  b</p>" });
  assert.equal(result.equal, false);
});

test("missing, extra and differing files are all reported", async () => {
  const result = await compare(
    { "index.html": "<h1>Hello</h1>", "about/index.html": "<p>x</p>", "img/a.png": Buffer.from([0, 1, 2]) },
    { "index.html": "<h1>Hullo</h1>", "contact/index.html": "<p>y</p>", "img/a.png": Buffer.from([0, 1, 3, 4]) },
  );
  assert.equal(result.equal, false);
  assert.deepEqual(result.missing, ["about/index.html"]);
  assert.deepEqual(result.extra, ["contact/index.html"]);
  assert.deepEqual(
    result.differing.map((d) => d.path),
    ["img/a.png", "index.html"],
  );
  assert.equal(result.differing[0]?.kind, "binary");

  const report = formatComparison(result);
  assert.match(report, /missing from plinth \(1\):\n {2}- about\/index\.html/);
  assert.match(report, /extra in plinth \(1\):\n {2}\+ contact\/index\.html/);
  assert.match(report, /binary file img\/a\.png differs \(eleventy: 3 bytes, plinth: 4 bytes\)/);
  assert.match(report, /--- eleventy\/index\.html/);
  assert.match(report, /\+\+\+ plinth\/index\.html/);
  assert.match(report, /^-<h1>Hello<\/h1>$/m);
  assert.match(report, /^\+<h1>Hullo<\/h1>$/m);
});

test("the diff puts tags on their own lines so only the changed element shows", async () => {
  const result = await compare(
    { "index.html": "<ul>\n<li>one</li>\n<li>two</li>\n<li>three</li>\n</ul>" },
    { "index.html": "<ul><li>one</li><li>TWO</li><li>three</li></ul>" },
  );
  const report = formatComparison(result, { expectedLabel: "left", actualLabel: "right" });
  assert.match(report, /^-<li>two<\/li>$/m);
  assert.match(report, /^\+<li>TWO<\/li>$/m);
  assert.match(report, /^ <li>one<\/li>$/m);
  assert.match(report, /--- left\/index\.html/);
});

test("only the first few differing files get a full diff", async () => {
  const expected: Tree = {};
  const actual: Tree = {};
  for (const name of ["a", "b", "c", "d", "e"]) {
    expected[`${name}.txt`] = `${name}\n`;
    actual[`${name}.txt`] = `${name}${name}\n`;
  }
  const report = formatComparison(await compare(expected, actual), { maxFiles: 2 });
  assert.match(report, /--- eleventy\/a\.txt/);
  assert.match(report, /--- eleventy\/b\.txt/);
  assert.doesNotMatch(report, /--- eleventy\/c\.txt/);
  assert.match(report, /and 3 more differing file\(s\) not shown/);
});
