// The load test, short: 4 editors for 5 s on the example site. It asserts what must hold after
// any run (every 200 save committed with its text, files as last acknowledged, no 5xx), never
// timings. And the checks themselves catch a lost save.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, initSiteRepository } from "../test/support/studio-site.js";
import { loadTest, parseOptions } from "./studio-load.js";
import { checkRepository, editText } from "./studio-load-run.js";

describe("studio load test", () => {
  for (const auth of ["accounts", "token"] as const) {
    it(`loses no acknowledged save with 4 editors for 5 s on the example site (${auth === "accounts" ? "each logged in, saving to entry branches" : "the single-user token, saving to the working copy"})`, async () => {
      const report = await loadTest({ site: "example", auth, durationMs: 5000, editors: 4, posts: 0 });
      assert.deepEqual(report.problems, []);
      assert.ok(report.saves > 0, "some saves were made");
      assert.ok(Object.keys(report.statuses).every((status) => Number(status) < 500));
    });
  }

  it("finds a save that is not in git, and a file that is not its last acknowledged text", async () => {
    const dir = copySite();
    try {
      initSiteRepository(dir);
      const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();
      writeFileSync(path.join(dir, "about.md"), "changed, not committed\n");
      const problems = await checkRepository(dir, [
        { path: "about.md", commit: head, text: "what the studio said it saved\n" },
        { path: "about.md", commit: "0".repeat(40), text: "x" },
      ]);
      assert.ok(problems.some((p) => /commit .* does not hold the acknowledged text of about\.md/.test(p)));
      assert.ok(problems.some((p) => /not in HEAD's history/.test(p)));
      assert.ok(problems.some((p) => /about\.md on disk is not its last acknowledged text/.test(p)));
      assert.ok(problems.some((p) => /uncommitted changes/.test(p)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("edits its own body line, replacing its previous mark", () => {
    const raw = "---\ntitle: T\n---\nOne.\n\n```\ncode\n```\nTwo.\n";
    const once = editText(raw, 1, 1)!;
    assert.equal(once, "---\ntitle: T\n---\nOne.\n\n```\ncode\n```\nTwo. [edit e1 n1]\n");
    assert.equal(editText(once, 1, 2), "---\ntitle: T\n---\nOne.\n\n```\ncode\n```\nTwo. [edit e1 n2]\n");
    assert.equal(editText("---\ntitle: T\n---\n", 0, 1), null);
    assert.deepEqual(parseOptions(["--site", "example", "--duration", "5", "--editors", "4"]), { sites: ["example"], auth: "accounts", durationMs: 5000, editors: 4, posts: 10000 });
  });
});
