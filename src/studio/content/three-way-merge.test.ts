// The merge of two edits of one text, with git and with node-diff3: different lines are both
// kept, the same lines are a conflict with both sides in the markers, and the two engines agree.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diff3MergeText, mergeTexts, type MergeEngine } from "./three-way-merge.js";

const BASE = "---\ntitle: Old\ndate: 2024-01-01\n---\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n";

for (const engine of ["git", "diff3"] as MergeEngine[]) {
  describe(`mergeTexts with ${engine}`, () => {
    it("keeps both changes when they touch different lines", async () => {
      const current = BASE.replace("title: Old", "title: New");
      const mine = BASE.replace("Third paragraph.", "Third paragraph, longer.");
      const merged = await mergeTexts(BASE, current, mine, { engine });
      assert.equal(merged.clean, true);
      assert.equal(merged.conflicts, 0);
      assert.equal(merged.text, BASE.replace("title: Old", "title: New").replace("Third paragraph.", "Third paragraph, longer."));
    });

    it("marks a conflict with both texts when they change the same line", async () => {
      const current = BASE.replace("Second paragraph.", "Second, by Ann.");
      const mine = BASE.replace("Second paragraph.", "Second, by Bob.");
      const merged = await mergeTexts(BASE, current, mine, { engine });
      assert.equal(merged.clean, false);
      assert.equal(merged.conflicts, 1);
      assert.match(merged.text, /<<<<<<< saved meanwhile\nSecond, by Ann\.\n=======\nSecond, by Bob\.\n>>>>>>> yours\n/);
      assert.ok(merged.text.startsWith("---\ntitle: Old\n"), "the lines around the conflict are kept");
      assert.ok(merged.text.endsWith("Third paragraph.\n"));
    });

    it("takes the same change made twice once, and a text without a final newline as it is", async () => {
      const both = BASE.replace("First", "1st");
      assert.deepEqual(await mergeTexts(BASE, both, both.replace("Third", "3rd"), { engine }), { clean: true, text: both.replace("Third", "3rd"), conflicts: 0 });
      const noEnd = "a\nb\nc";
      const merged = await mergeTexts(noEnd, "A\nb\nc", "a\nb\nC", { engine });
      assert.deepEqual(merged, { clean: true, text: "A\nb\nC", conflicts: 0 });
    });
  });
}

describe("diff3MergeText", () => {
  it("agrees with git merge-file on conflicts at the end of a text without a newline", async () => {
    const cases: [string, string, string][] = [
      ["a\nb", "a\nx", "a\ny"],
      ["one\ntwo\nthree\n", "one\n2\nthree\n", "1\ntwo\n3\n"],
      ["x\n", "", "x\ny\n"],
    ];
    for (const [base, current, mine] of cases) {
      assert.deepEqual(diff3MergeText(base, current, mine), await mergeTexts(base, current, mine, { engine: "git" }), JSON.stringify([base, current, mine]));
    }
  });
});
