// A callback-style Nunjucks async filter that calls back from a promise of its own (as the RSS
// plugin's htmlToAbsoluteUrls does): an error later in the template fails that page's render,
// instead of escaping as an unhandled rejection that ends the process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BuildFailure } from "../errors/plinth-error.js";
import { formatError } from "../errors/format-error.js";
import { tempProject } from "../../test/support/temp-project.js";
import { build } from "../engine/build.js";

test("an error after a callback-style async filter fails the page's render, with its location", async () => {
  const project = tempProject("nunjucks-async-callback", {
    "eleventy.config.mjs": [
      "export default function (c) {",
      '  c.addNunjucksAsyncFilter("later", (value, callback) => { Promise.resolve().then(() => callback(null, value)); });',
      '  c.addFilter("boom", () => { throw new Error("boom went the filter"); });',
      "}",
    ].join("\n"),
    "page.njk": "<p>fine</p>\n{{ 'x' | later | boom }}\n",
  });
  try {
    const error = await build({ cwd: project.cwd, threads: 1 }).then(
      () => assert.fail("expected the build to fail"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof BuildFailure, String(error));
    assert.equal(error.errors.length, 1);
    const report = formatError(error.errors[0]!);
    assert.match(report, /page\.njk:2/);
    assert.match(report, /boom went the filter/);
  } finally {
    project.done();
  }
});
