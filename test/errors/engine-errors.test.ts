// Bad input through the engine in memory: small sites built with `build()` and a MemoryWriter,
// each failing with the catalogued error it should, located in the file at fault. Faster than the
// CLI cases in bad-input.test.ts, so it covers more kinds of mistakes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "../../src/engine/build.js";
import type { ErrorName } from "../../src/errors/catalog.js";
import { BuildFailure, PlinthError } from "../../src/errors/plinth-error.js";
import { MemoryWriter } from "../../src/write/memory-writer.js";

type Site = Record<string, string>;

interface Outcome {
  writer: MemoryWriter;
  errors: PlinthError[];
}

async function buildSite(files: Site): Promise<Outcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-engine-errors-"));
  try {
    for (const [rel, text] of Object.entries(files)) {
      const abs = path.join(dir, ...rel.split("/"));
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    const writer = new MemoryWriter();
    try {
      await build({ cwd: dir, writer });
      return { writer, errors: [] };
    } catch (error) {
      if (error instanceof BuildFailure) return { writer, errors: error.errors };
      if (error instanceof PlinthError) return { writer, errors: [error] };
      throw error;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function failsWith(files: Site, code: ErrorName, file: string, line?: number): Promise<PlinthError> {
  const { errors } = await buildSite(files);
  const found = errors.find((e) => e.code === code && e.location?.file === file);
  assert.ok(found, `expected [${code}] in ${file}, got: ${errors.map((e) => `[${e.code}] ${e.location?.file ?? "?"}:${e.location?.line ?? "?"} ${e.message}`).join("; ") || "a successful build"}`);
  if (line !== undefined) {
    assert.equal(found.location?.line, line, `line of [${code}] in ${file}`);
    assert.ok(found.frame, "expected a code frame");
  }
  return found;
}

const layout = { "_includes/base.njk": "<main>{{ content | safe }}</main>\n" };

test("`permalink: true` is PermalinkInvalid, with a hint towards `false`", async () => {
  const e = await failsWith({ "a.md": "---\npermalink: true\n---\nA\n" }, "PermalinkInvalid", "./a.md");
  assert.match(e.hint, /permalink: false/);
});

test("a permalink that climbs out of the output folder is PermalinkInvalid", async () => {
  await failsWith({ "a.md": "---\npermalink: ../../outside.html\n---\nA\n" }, "PermalinkInvalid", "./a.md");
});

test("pagination over data that does not exist is PaginationInvalid naming the data", async () => {
  const e = await failsWith({ "list.njk": "---\npagination:\n  data: members\n  size: 2\n---\n{{ pagination.items }}\n" }, "PaginationInvalid", "./list.njk");
  assert.match(e.message, /members/);
});

test("pagination without a size is PaginationInvalid", async () => {
  await failsWith({ "list.njk": "---\nitems: [1, 2]\npagination:\n  data: items\n---\nx\n" }, "PaginationInvalid", "./list.njk");
});

test("a date that cannot be read is InvalidDate", async () => {
  const e = await failsWith({ "a.md": "---\ndate: next tuesday\n---\nA\n" }, "InvalidDate", "./a.md");
  assert.match(e.message, /next tuesday/);
});

test("front matter in an unsupported language is UnsupportedApi in that file", async () => {
  await failsWith({ "a.md": "---toml\ntitle = 'x'\n---\nA\n" }, "UnsupportedApi", "./a.md");
});

test("a global data file whose function throws is DataFileInvalid", async () => {
  const e = await failsWith({ "_data/api.mjs": "export default () => { throw new Error('API down'); };\n", "a.md": "A\n" }, "DataFileInvalid", "./_data/api.mjs");
  assert.match(e.message, /API down/);
});

test("a template data file with broken JSON is DataFileInvalid at its line", async () => {
  await failsWith({ "news/post.11tydata.json": '{\n  "a": 1,\n}\n', "news/post.md": "A\n" }, "DataFileInvalid", "./news/post.11tydata.json", 3);
});

test("an eleventyComputed function that throws is ComputedDataInvalid naming the key", async () => {
  const e = await failsWith(
    {
      "a.11tydata.mjs": "export default { eleventyComputed: { heading: () => { throw new Error('no title'); } } };\n",
      "a.md": "A\n",
    },
    "ComputedDataInvalid",
    "./a.md",
  );
  assert.match(e.message, /heading/);
});

test("an addCollection callback that throws is CollectionInvalid", async () => {
  const { errors } = await buildSite({
    "eleventy.config.cjs": "module.exports = (c) => { c.addCollection('broken', () => { throw new Error('bad glob'); }); };\n",
    "a.md": "A\n",
  });
  assert.ok(errors.some((e) => e.code === "CollectionInvalid" && /broken/.test(e.message)), errors.map((e) => e.code).join(", "));
});

test("an error in a layout is reported in the layout, at its line", async () => {
  await failsWith(
    { "_includes/base.njk": "<main>\n{{ content | safe }}\n{{ title | nosuchfilter }}\n</main>\n", "a.md": "---\nlayout: base.njk\ntitle: A\n---\nA\n" },
    "UnknownFilter",
    "./_includes/base.njk",
    3,
  );
});

test("an error in a Nunjucks include is reported in the included file, at its line", async () => {
  await failsWith({ "_includes/part.njk": "one\n{% if %}\n", "a.njk": "x\n{% include 'part.njk' %}\n" }, "TemplateSyntax", "./_includes/part.njk", 2);
});

test("an error in a Liquid include is reported in the included file, at its line", async () => {
  await failsWith({ "_includes/part.liquid": "one\n{% if x %}\n", "a.liquid": "x\n{% include 'part.liquid' %}\n" }, "TemplateSyntax", "./_includes/part.liquid", 2);
});

test("a missing Nunjucks include is reported where it is included", async () => {
  const e = await failsWith({ "a.njk": "---\ntitle: A\n---\nx\n{% include 'missing.njk' %}\n" }, "TemplateRender", "./a.njk", 5);
  assert.match(e.message, /missing\.njk/);
});

test("a Liquid error in Markdown (preprocessed by Liquid) is located in the Markdown file", async () => {
  await failsWith({ "a.md": "---\ntitle: A\n---\n# Title\n\n{% if title %}\nno end\n" }, "TemplateSyntax", "./a.md", 6);
});

test("a Nunjucks error in Markdown with markdownTemplateEngine njk is located in the Markdown file", async () => {
  await failsWith({ "a.md": "---\ntitle: A\ntemplateEngineOverride: njk,md\n---\n# Title\n\n{{ title | nosuchfilter }}\n" }, "UnknownFilter", "./a.md", 7);
});

test("errors of several pages are all reported, each in its own file", async () => {
  const { errors } = await buildSite({
    ...layout,
    "a.njk": "{{ x | nope }}\n",
    "b.liquid": "{% if x %}\n",
    "c.md": "---\nlayout: base.njk\n---\nok\n",
  });
  assert.deepEqual(errors.map((e) => e.location?.file).sort(), ["./a.njk", "./b.liquid"]);
});

test("a failed build writes nothing to the writer", async () => {
  const { writer, errors } = await buildSite({ "good.md": "good\n", "bad.njk": "{% if %}\n" });
  assert.ok(errors.length > 0);
  assert.equal(writer.files.size, 0);
});

test(
  "a permalink that renders to an empty string is an error, not a silent fall back to the default path",
  {
  },
  async () => {
    const { errors, writer } = await buildSite({ "a.njk": "---\npermalink: \"{{ missing }}\"\n---\nA\n" });
    assert.equal(writer.files.has("a/index.html"), false);
    assert.ok(errors.some((e) => e.code === "PermalinkInvalid" && e.location?.file === "./a.njk"), errors.map((e) => e.code).join(", "));
  },
);

test(
  "paginating a tag's collection from a page that has that tag is an error (Eleventy: pagination circular reference)",
  {
  },
  async () => {
    await failsWith(
      { "list.njk": "---\ntags: news\npagination:\n  data: collections.news\n  size: 1\n---\n{{ pagination.items[0].url }}\n", "post.md": "---\ntags: news\n---\npost\n" },
      "PaginationInvalid",
      "./list.njk",
    );
  },
);

test("a throwing eleventy.before or eleventy.after listener is EventListenerFailed, naming the event", async () => {
  for (const event of ["eleventy.before", "eleventy.after"]) {
    const { errors } = await buildSite({
      "eleventy.config.mjs": `export default function (c) { c.on("${event}", function runVite() { throw new Error("vite exploded"); }); }\n`,
      "index.md": "Hi\n",
    });
    const found = errors.find((e) => e.code === "EventListenerFailed");
    assert.ok(found, `${event}: got ${errors.map((e) => `[${e.code}] ${e.message}`).join("; ") || "a successful build"}`);
    assert.equal(found.message, `An "${event}" listener (runVite) threw: vite exploded`);
  }
});
