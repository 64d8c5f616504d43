// `page.fileSlug`, `page.filePathStem` and the default output path, from Eleventy's documented
// tables (https://www.11ty.dev/docs/data-eleventy-supplied/#fileslug and /docs/permalinks/#default-input-output-examples).
import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultOutputPath, pathNames } from "./file-slug.js";

const slugCases: [input: string, fileSlug: string, filePathStem: string][] = [
  ["index.md", "", "/index"],
  ["myDir/index.md", "myDir", "/myDir/index"],
  ["myDir/2018-01-01-index.md", "myDir", "/myDir/index"],
  ["2018-01-01-myFile.md", "myFile", "/myFile"],
  ["myDir/myFile.md", "myFile", "/myDir/myFile"],
  ["myDir/2018-01-01-myFile.md", "myFile", "/myDir/myFile"],
  ["2018-01-01-myDir/index.md", "myDir", "/2018-01-01-myDir/index"],
  ["a/b/c/deep.njk", "deep", "/a/b/c/deep"],
];

for (const [input, fileSlug, filePathStem] of slugCases) {
  test(`pathNames: ${input} -> fileSlug "${fileSlug}", filePathStem "${filePathStem}"`, () => {
    const extension = input.slice(input.lastIndexOf(".") + 1);
    const names = pathNames(input, extension);
    assert.equal(names.fileSlug, fileSlug);
    assert.equal(names.filePathStem, filePathStem);
  });
}

test("pathNames: only the template extension is removed from a name with several dots", () => {
  const names = pathNames("feeds/feed.xml.njk", "njk");
  assert.equal(names.baseName, "feed.xml");
  assert.equal(names.fileSlug, "feed.xml");
  assert.equal(names.dir, "feeds");
});

test("pathNames: the base name keeps its date prefix (the default permalink uses it)", () => {
  assert.equal(pathNames("posts/2023-03-22-hello.md", "md").baseName, "2023-03-22-hello");
});

test("pathNames: a root file has an empty folder", () => {
  assert.equal(pathNames("about.md", "md").dir, "");
});

const outputCases: [input: string, output: string][] = [
  ["index.md", "index.html"],
  ["template.md", "template/index.html"],
  ["subdir/template.md", "subdir/template/index.html"],
  // A file named like its folder writes the folder's index ("Cool URIs").
  ["subdir/template/template.md", "subdir/template/index.html"],
  ["subdir/template/index.md", "subdir/template/index.html"],
  // The date prefix stays in the default output path; only fileSlug drops it.
  ["posts/2023-03-22-hello.md", "posts/2023-03-22-hello/index.html"],
];

for (const [input, output] of outputCases) {
  test(`defaultOutputPath: ${input} -> ${output}`, () => {
    const extension = input.slice(input.lastIndexOf(".") + 1);
    assert.equal(defaultOutputPath(pathNames(input, extension)), output);
  });
}

test("defaultOutputPath: a non-HTML output extension writes the file itself, not a folder", () => {
  assert.equal(defaultOutputPath(pathNames("feed.njk", "njk"), "xml"), "feed.xml");
  assert.equal(defaultOutputPath(pathNames("data/items.njk", "njk"), "json"), "data/items.json");
});

test("defaultOutputPath: an `index` file in the root has no folder of its own", () => {
  assert.equal(defaultOutputPath(pathNames("index.njk", "njk")), "index.html");
});
