// Ignores as documented at https://www.11ty.dev/docs/ignores/: `.gitignore` (unless turned off),
// `.eleventyignore` in the project root and the input folder (entries relative to the file's folder,
// a folder entry ignores everything in it), the output folder, and `eleventyConfig.ignores`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { tempProject } from "../../test/support/temp-project.js";
import { createIgnoreMatcher, ignoreFilePatterns } from "./ignore-rules.js";
import type { ProjectPaths } from "./project-paths.js";

function project(files: Record<string, string>, input = "."): { paths: ProjectPaths; abs: (p: string) => string; done: () => void } {
  return tempProject("ignore", files, input);
}

test(".gitignore entries are ignored: files, folders (with everything inside) and globs", () => {
  const p = project({ ".gitignore": "secret.md\ndrafts\n*.tmp.md\n", "drafts/a.md": "", "secret.md": "", "x.tmp.md": "", "keep.md": "" });
  try {
    const ignored = createIgnoreMatcher(p.paths, [], true);
    assert.equal(ignored(p.abs("secret.md")), true);
    assert.equal(ignored(p.abs("drafts")), true);
    assert.equal(ignored(p.abs("drafts/a.md")), true);
    assert.equal(ignored(p.abs("drafts/deeper/b.md")), true);
    assert.equal(ignored(p.abs("x.tmp.md")), true);
    assert.equal(ignored(p.abs("keep.md")), false);
  } finally {
    p.done();
  }
});

test("comments and blank lines in ignore files are not patterns", () => {
  const p = project({ ".eleventyignore": "# a comment\n\n   \nignored.md\n" });
  try {
    assert.deepEqual(ignoreFilePatterns(p.paths, true), ["ignored.md"]);
  } finally {
    p.done();
  }
});

test("entries are relative to the ignore file's folder: an input-folder .eleventyignore applies inside the input", () => {
  const p = project({ "src/.eleventyignore": "drafts\nold.md\n", "src/drafts/a.md": "", "src/old.md": "", "drafts/b.md": "", "old.md": "" }, "src");
  try {
    const ignored = createIgnoreMatcher(p.paths, [], true);
    assert.equal(ignored(p.abs("src/drafts/a.md")), true);
    assert.equal(ignored(p.abs("src/old.md")), true);
    assert.equal(ignored(p.abs("drafts/b.md")), false);
    assert.equal(ignored(p.abs("old.md")), false);
  } finally {
    p.done();
  }
});

test("a root entry without a slash matches only at the root (Eleventy joins it to the file's folder)", () => {
  const p = project({ ".eleventyignore": "notes.md\n", "notes.md": "", "sub/notes.md": "" });
  try {
    const ignored = createIgnoreMatcher(p.paths, [], true);
    assert.equal(ignored(p.abs("notes.md")), true);
    assert.equal(ignored(p.abs("sub/notes.md")), false);
  } finally {
    p.done();
  }
});

test("a leading slash in an entry is the ignore file's folder", () => {
  const p = project({ ".gitignore": "/build\n", "build/x.md": "" });
  try {
    assert.equal(createIgnoreMatcher(p.paths, [], true)(p.abs("build/x.md")), true);
  } finally {
    p.done();
  }
});

test("setUseGitIgnore(false) turns .gitignore off but keeps .eleventyignore", () => {
  const p = project({ ".gitignore": "a.md\n", ".eleventyignore": "b.md\n", "a.md": "", "b.md": "" });
  try {
    const ignored = createIgnoreMatcher(p.paths, [], false);
    assert.equal(ignored(p.abs("a.md")), false);
    assert.equal(ignored(p.abs("b.md")), true);
  } finally {
    p.done();
  }
});

test("config ignores are globs relative to the working directory, with or without `./`", () => {
  const p = project({ "README.md": "", "docs/guide.md": "", "docs/keep.njk": "" });
  try {
    const ignored = createIgnoreMatcher(p.paths, ["README.md", "./docs/*.md"], true);
    assert.equal(ignored(p.abs("README.md")), true);
    assert.equal(ignored(p.abs("docs/guide.md")), true);
    assert.equal(ignored(p.abs("docs/keep.njk")), false);
  } finally {
    p.done();
  }
});

test("the default config ignores (node_modules anywhere, .git) match", () => {
  const p = project({});
  try {
    const ignored = createIgnoreMatcher(p.paths, ["**/node_modules/**", ".git/**"], true);
    assert.equal(ignored(p.abs("node_modules/pkg/readme.md")), true);
    assert.equal(ignored(p.abs("sub/node_modules/pkg/readme.md")), true);
    assert.equal(ignored(p.abs(".git/HEAD")), true);
  } finally {
    p.done();
  }
});

test("the output folder and everything in it are ignored", () => {
  const p = project({ "_site/index.html": "", "index.md": "" });
  try {
    const ignored = createIgnoreMatcher(p.paths, [], true);
    assert.equal(ignored(p.abs("_site")), true);
    assert.equal(ignored(p.abs("_site/about/index.md")), true);
    assert.equal(ignored(p.abs("index.md")), false);
    assert.equal(ignored(p.abs("_site-notes.md")), false);
  } finally {
    p.done();
  }
});

test("no ignore files at all: nothing but the output folder is ignored", () => {
  const p = project({ "a.md": "" });
  try {
    assert.deepEqual(ignoreFilePatterns(p.paths, true), []);
    assert.equal(createIgnoreMatcher(p.paths, [], true)(p.abs("a.md")), false);
  } finally {
    p.done();
  }
});
