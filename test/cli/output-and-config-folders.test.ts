// Where a build reads and writes, as a user gets it wrong: an output folder that is or holds
// the input folder is refused before anything is written; one inside the input folder is fine;
// a config file left behind in the input folder is named in one hint when the build fails.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runCli } from "../errors/broken-site.js";
import { tempProject } from "../support/temp-project.js";

const SITE = {
  "site/eleventy.config.js": `export default (config) => { config.addFilter("shout", (text) => text.toUpperCase()); };`,
  "site/index.njk": `<h1>{{ "welcome" | shout }}</h1>`,
  "site/about.md": `# About`,
};

test("an output folder that is the input folder, or holds it, is refused before anything is written", async () => {
  const project = tempProject("cli-output-input", SITE);
  const site = project.abs("site");
  try {
    const before = readdirSync(site).sort();
    for (const [cwd, output, said] of [
      [site, ".", 'The output folder "." is the input folder.'],
      [site, "..", 'The output folder ".." holds the input folder ".".'],
      [project.cwd, ".", 'The output folder "." holds the input folder "site".'],
    ] as const) {
      const args = cwd === site ? ["build", "--output", output] : ["build", "--input", "site", "--output", output, "--config", "site/eleventy.config.js"];
      const result = await runCli(args, cwd);
      assert.equal(result.code, 1, `${output} from ${cwd}: ${result.stdout}`);
      assert.match(result.stderr, /\[OutputHoldsInput\]/);
      assert.ok(result.stderr.includes(said), result.stderr);
      assert.match(result.stderr, /--output _site/);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
    }
    assert.deepEqual(readdirSync(site).sort(), before, "nothing was written into the site");
    assert.equal(existsSync(project.abs("index.html")), false);
  } finally {
    project.done();
  }
});

test("an output folder inside the input folder is not read as input by the next build", async () => {
  const project = tempProject("cli-output-inside", SITE);
  const site = project.abs("site");
  try {
    for (let run = 0; run < 2; run++) {
      const result = await runCli(["build", "--output", "public/www", "--no-cache"], site);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Wrote 2 pages/, `build ${run + 1} reads only the two sources`);
    }
    assert.equal(readFileSync(path.join(site, "public/www/index.html"), "utf8"), "<h1>WELCOME</h1>");
    assert.equal(existsSync(path.join(site, "public/www/public")), false);
  } finally {
    project.done();
  }
});

test("a failed build names the config file left in the input folder, once", async () => {
  const project = tempProject("cli-config-hint", SITE);
  try {
    const result = await runCli(["build", "--input", "site"], project.cwd);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /\[UnknownFilter\]/, "Eleventy's rule is kept: the config in the input folder is not read");
    const hints = result.stderr.match(/was not loaded/g) ?? [];
    assert.equal(hints.length, 1, result.stderr);
    assert.ok(
      result.stderr.includes(`[build] hint: ${path.join("site", "eleventy.config.js")} was not loaded: like Eleventy, Plinth reads the config file from the working folder only. Run Plinth in site, or pass --config ${path.join("site", "eleventy.config.js")}.`),
      result.stderr,
    );

    const fixed = await runCli(["build", "--input", "site", "--config", "site/eleventy.config.js"], project.cwd);
    assert.equal(fixed.code, 0, fixed.stderr);
    const fromSite = await runCli(["build"], project.abs("site"));
    assert.equal(fromSite.code, 0, fromSite.stderr);
  } finally {
    project.done();
  }
});

test("no config hint when the build fails for another reason with the config loaded", async () => {
  const project = tempProject("cli-config-hint-none", { ...SITE, "site/broken.njk": `{{ "x" | nope }}` });
  try {
    const result = await runCli(["build"], project.abs("site"));
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stderr, /was not loaded/);
  } finally {
    project.done();
  }
});
