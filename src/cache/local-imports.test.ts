import assert from "node:assert/strict";
import { test } from "node:test";
import { tempProject } from "../../test/support/temp-project.js";
import { importSpecifiers, localImports } from "./local-imports.js";

test("importSpecifiers finds static, dynamic and require specifiers that are paths", () => {
  const source = [
    `import filters from "./lib/filters.js";`,
    `import { a } from '../shared/a.mjs';`,
    `const b = await import("./b.js");`,
    `const c = require( "./c" );`,
    `const d = require.resolve("/abs/d.cjs");`,
    `import markdownIt from "markdown-it";`,
    `const e = require("node:path");`,
    `export * from "./reexport.js";`,
  ].join("\n");
  assert.deepEqual(importSpecifiers(source), ["./lib/filters.js", "../shared/a.mjs", "./b.js", "./c", "/abs/d.cjs", "./reexport.js"]);
});

test("localImports follows relative imports transitively inside the project only", () => {
  const project = tempProject("imports", {
    "site/eleventy.config.js": `import filters from "./lib/filters.js";\nimport shortcodes from "./lib/shortcodes";\nimport dep from "./node_modules/dep/index.js";`,
    "site/lib/filters.js": `const dates = require("./dates.cjs");\nconst data = require("../data/names.json");\nconst outside = require("../../outside.js");`,
    "site/lib/dates.cjs": `module.exports = {};`,
    "site/lib/shortcodes/index.js": `export default {};`,
    "site/data/names.json": `[]`,
    "site/node_modules/dep/index.js": `import "./inner.js";`,
    "outside.js": ``,
  });
  try {
    const found = localImports([project.abs("site/eleventy.config.js"), project.abs("site/notes.md")], project.abs("site"));
    assert.deepEqual(found, ["site/data/names.json", "site/lib/dates.cjs", "site/lib/filters.js", "site/lib/shortcodes/index.js"].map(project.abs));
  } finally {
    project.done();
  }
});

test("localImports survives import cycles and missing targets", () => {
  const project = tempProject("imports", { "a.js": `import "./b.js"; import "./missing.js";`, "b.js": `import "./a.js";` });
  try {
    assert.deepEqual(localImports([project.abs("a.js")], project.cwd), [project.abs("b.js")]);
  } finally {
    project.done();
  }
});
