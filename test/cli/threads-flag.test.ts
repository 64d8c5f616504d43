// `plinth build --threads N`: a bad count is a usage error; a good one reaches the engine.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runCli } from "../errors/broken-site.js";
import { tempProject } from "../support/temp-project.js";

test("plinth build --threads takes a whole number of threads, 1 or more", async () => {
  const project = tempProject("cli-threads", { "index.md": "# Home\n" });
  const saved = process.env.PLINTH_DEBUG;
  process.env.PLINTH_DEBUG = "threads";
  try {
    for (const bad of ["0", "two", "1.5"]) {
      const result = await runCli(["build", "--threads", bad], project.cwd);
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`\\[CliUsage\\][^]*--threads expects a whole number of threads, 1 or more, got "${bad.replace(".", "\\.")}"`));
    }
    const one = await runCli(["build", "--threads", "1", "--no-cache"], project.cwd);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stderr, /\[threads\] one thread: 1 thread asked for/);
    const two = await runCli(["build", "--threads", "2", "--no-cache"], project.cwd);
    assert.equal(two.code, 0, two.stderr);
    // One template is below the threshold: the flag got through, and the size decided.
    assert.match(two.stderr, /\[threads\] one thread: 1 template, fewer than 300/);
  } finally {
    if (saved === undefined) delete process.env.PLINTH_DEBUG;
    else process.env.PLINTH_DEBUG = saved;
    project.done();
  }
});
