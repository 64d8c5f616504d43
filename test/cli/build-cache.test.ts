// `plinth build` twice, as a user runs it: the second run over an unchanged site does nothing,
// and an edit to a module the config imports is a change like any other.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { runCli } from "../errors/broken-site.js";
import { tempProject } from "../support/temp-project.js";

test("plinth build skips a build when nothing changed, and sees edits to the config's own modules", async () => {
  const project = tempProject("cli-cache", {
    "eleventy.config.js": `import { shout } from "./lib/filters.js";\nexport default (config) => { config.addFilter("shout", shout); };`,
    "lib/filters.js": `export const shout = (text) => text.toUpperCase() + "!";`,
    "index.njk": `<h1>{{ "welcome" | shout }}</h1>`,
  });
  mkdirSync(project.abs("node_modules"));
  const build = async (...flags: string[]): Promise<string> => {
    const result = await runCli(["build", ...flags], project.cwd);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  };
  const page = () => readFileSync(project.abs("_site/index.html"), "utf8");
  try {
    assert.match(await build(), /^\[build\] Wrote 1 page and copied 0 files in /);
    assert.equal(page(), "<h1>WELCOME!</h1>");
    assert.match(await build(), /^\[build\] Nothing changed since the last build: 1 page and 0 copied files are up to date \(\d+\.\d\d seconds; --no-cache builds anyway\)\n$/);

    writeFileSync(project.abs("lib/filters.js"), `export const shout = (text) => text.toUpperCase() + "!!!";`);
    assert.match(await build(), /^\[build\] Wrote 1 page/);
    assert.equal(page(), "<h1>WELCOME!!!</h1>");

    assert.match(await build("--no-cache"), /^\[build\] Wrote 1 page .*\(1 unchanged\)/);
    assert.match(await build("--dryrun"), /^\[build\] Would write 1 page/);
    assert.match(await build(), /^\[build\] Nothing changed/);
  } finally {
    project.done();
  }
});
