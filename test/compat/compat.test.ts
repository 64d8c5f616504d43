// The differential suite: every fixture site is built by Eleventy 3 and by Plinth,
// and the two output trees must match, and both must meet the fixture's expect.json.
// Tests run one after another, each running its two builds at once: two builds at a time.

import { test } from "node:test";
import assert from "node:assert/strict";
import { formatComparison } from "./compare-trees.js";
import { listFixtures, loadFixture } from "./fixtures.js";
import { describeBuildFailure, runFixture } from "./run-fixture.js";

const BUILD_TIMEOUT_MS = 180_000;

for (const name of listFixtures()) {
  const fixture = loadFixture(name);
  const options = fixture.settings.todo ? { todo: fixture.settings.todo, timeout: BUILD_TIMEOUT_MS } : { timeout: BUILD_TIMEOUT_MS };

  test(`compat: ${name}`, options, async () => {
    const run = await runFixture(fixture);
    try {
      const { eleventy, plinth } = run;
      // The reference must build and meet the expectations, or the fixture itself is wrong.
      assert.equal(eleventy.build.code, 0, `fixture is broken: ${describeBuildFailure("eleventy", eleventy.build)}`);
      assert.deepEqual(eleventy.expectationFailures, [], "fixture's expect.json does not hold for Eleventy's output");

      assert.ok(plinth, "plinth was not run");
      assert.equal(plinth.build.code, 0, describeBuildFailure("plinth", plinth.build));
      const problems: string[] = [];
      if (run.comparison && !run.comparison.equal) problems.push(formatComparison(run.comparison));
      if (plinth.expectationFailures.length > 0) {
        problems.push(`expect.json failures in plinth's output:\n${plinth.expectationFailures.map((f) => `  ${f}`).join("\n")}`);
      }
      assert.ok(problems.length === 0, `${name}: plinth's output differs from eleventy's\n${problems.join("\n\n")}`);
    } finally {
      await run.cleanup();
    }
  });
}
