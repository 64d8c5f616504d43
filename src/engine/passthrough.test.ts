// Passthrough copy as documented at https://www.11ty.dev/docs/copy/: entries are relative to the
// project root; a path keeps its place relative to the input folder; `{from: to}` picks the
// output place; globs keep the folder structure. Files that are not there are skipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { tempProject } from "../../test/support/temp-project.js";
import path from "node:path";
import type { PassthroughEntry } from "../config/user-config.js";
import { resolvePassthrough } from "./passthrough.js";
import type { ProjectPaths } from "./project-paths.js";

interface Project {
  paths: ProjectPaths;
  /** Output path -> source path relative to the project, sorted by output path. */
  copies: (entries: PassthroughEntry[]) => [string, string][];
  done: () => void;
}

function project(files: string[], input = "."): Project {
  // Each file's text is its own path, so copies can be told apart.
  const { cwd, paths, done } = tempProject("passthrough", Object.fromEntries(files.map((f) => [f, f])), input);
  return {
    paths,
    copies: (entries) =>
      resolvePassthrough(entries, paths)
        .map((f): [string, string] => [f.relative, path.relative(cwd, f.source).split(path.sep).join("/")])
        .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    done,
  };
}

test("a folder is copied with everything in it, at the same place", () => {
  const p = project(["img/a.png", "img/sub/b.png", "other.txt"]);
  try {
    assert.deepEqual(p.copies([{ from: "img" }]), [
      ["img/a.png", "img/a.png"],
      ["img/sub/b.png", "img/sub/b.png"],
    ]);
  } finally {
    p.done();
  }
});

test("with an input folder, a path inside it keeps its place relative to the input folder", () => {
  const p = project(["src/img/a.png", "src/css/fonts/f.woff2"], "src");
  try {
    assert.deepEqual(p.copies([{ from: "src/img" }, { from: "./src/css/fonts" }]), [
      ["css/fonts/f.woff2", "src/css/fonts/f.woff2"],
      ["img/a.png", "src/img/a.png"],
    ]);
  } finally {
    p.done();
  }
});

test("a single file is copied to the same place", () => {
  const p = project(["favicon.ico", "src/robots.txt"], "src");
  try {
    assert.deepEqual(p.copies([{ from: "favicon.ico" }, { from: "src/robots.txt" }]), [
      ["favicon.ico", "favicon.ico"],
      ["robots.txt", "src/robots.txt"],
    ]);
  } finally {
    p.done();
  }
});

test("`{from: to}` with a folder copies its contents into the target folder", () => {
  const p = project(["vendor/lib/v.js", "vendor/lib/sub/w.js"]);
  try {
    assert.deepEqual(p.copies([{ from: "vendor/lib", to: "js" }]), [
      ["js/sub/w.js", "vendor/lib/sub/w.js"],
      ["js/v.js", "vendor/lib/v.js"],
    ]);
  } finally {
    p.done();
  }
});

test("`{from: to}` with a file copies it to the target path; a target ending in `/` is a folder", () => {
  const p = project(["vendor/lib/v.js"]);
  try {
    assert.deepEqual(p.copies([{ from: "vendor/lib/v.js", to: "scripts/v.js" }, { from: "vendor/lib/v.js", to: "assets/" }]), [
      ["assets/v.js", "vendor/lib/v.js"],
      ["scripts/v.js", "vendor/lib/v.js"],
    ]);
  } finally {
    p.done();
  }
});

test("a glob keeps the folder structure relative to the input folder", () => {
  const p = project(["src/a/x.jpg", "src/y.jpg", "src/a/z.png"], "src");
  try {
    assert.deepEqual(p.copies([{ from: "src/**/*.jpg" }]), [
      ["a/x.jpg", "src/a/x.jpg"],
      ["y.jpg", "src/y.jpg"],
    ]);
  } finally {
    p.done();
  }
});

test("a glob with a target copies the matching files into the target folder", () => {
  const p = project(["src/assets/a/x.png", "src/assets/y.png", "src/assets/a/z.css"], "src");
  try {
    assert.deepEqual(p.copies([{ from: "src/assets/**/*.png", to: "images" }]), [
      ["images/x.png", "src/assets/a/x.png"],
      ["images/y.png", "src/assets/y.png"],
    ]);
  } finally {
    p.done();
  }
});

test("entries that match nothing are skipped without an error", () => {
  const p = project(["a.txt"]);
  try {
    assert.deepEqual(p.copies([{ from: "missing" }, { from: "missing/**/*.png" }, { from: "nothing.txt", to: "x.txt" }]), []);
  } finally {
    p.done();
  }
});

test("the output folder is never copied into itself", () => {
  const p = project(["_site/old.html", "static/a.txt"]);
  try {
    assert.deepEqual(p.copies([{ from: "**/*.{html,txt}" }]), [["static/a.txt", "static/a.txt"]]);
  } finally {
    p.done();
  }
});

test(
  "a library's files can be copied out of node_modules (`{'node_modules/pkg/dist': 'js'}`)",
  () => {
    const p = project(["node_modules/pkg/dist/lib.js"]);
    try {
      assert.deepEqual(p.copies([{ from: "node_modules/pkg/dist", to: "js" }]), [["js/lib.js", "node_modules/pkg/dist/lib.js"]]);
    } finally {
      p.done();
    }
  },
);

test(
  "files named in .gitignore or .eleventyignore are still copied when a passthrough entry names them",
  () => {
    const p = project([".gitignore", "css/bundle.css"]);
    try {
      writeFileSync(path.join(p.paths.cwd, ".gitignore"), "css/bundle.css\n");
      assert.deepEqual(p.copies([{ from: "css" }]), [["css/bundle.css", "css/bundle.css"]]);
    } finally {
      p.done();
    }
  },
);
