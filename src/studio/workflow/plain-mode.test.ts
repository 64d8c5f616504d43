// Without accounts (and without `workflow.branches`), saves go to the working copy as before:
// the board is empty, and history, diff and restore work on the publishing branch itself.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";

const POST = "news/2023-04-12-trademark-policy-draft.md";

describe("history and restore in the single-user mode", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
  });
  after(() => site.close());

  it("saves to the working copy; the board stays empty; restore is a new commit on main", async () => {
    const original = readFileSync(path.join(site.dir, POST), "utf8");
    const opened = await site.api<{ revision: string; workflow?: unknown }>("GET", `/api/entry?path=${POST}`);
    assert.equal(opened.json.workflow, undefined, "no workflow in the single-user mode");
    const saved = await site.api<{ commit: string }>("PUT", `/api/entry?path=${POST}`, { raw: original.replace("Trademark", "Trade Mark"), baseRevision: opened.json.revision });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(site.git("rev-parse", "main").trim(), saved.json.commit, "a commit on main, as before");
    assert.deepEqual((await site.api<{ entries: unknown[]; branchMode: boolean }>("GET", "/api/board")).json, { publishing: "main", branchMode: false, entries: [] });

    const history = await site.api<{ versions: { commit: string; message: string; author: string }[] }>("GET", `/api/history?path=${POST}`);
    assert.deepEqual(history.json.versions.map((v) => v.message), [`Update ${POST}: Draft Trade Mark Policy Open for Comment`, "Initial"]);
    const initial = history.json.versions[1]!.commit;
    const diff = await site.api<{ diff: string }>("GET", `/api/diff?path=${POST}&from=${initial}`);
    assert.match(diff.json.diff, /^-title: Draft Trademark Policy Open for Comment$/m);
    writeFileSync(path.join(site.dir, "other.txt"), "uncommitted work of someone else\n");
    const restored = await site.api<{ commit: string }>("POST", `/api/restore?path=${POST}&rev=${initial}`, {});
    assert.equal(restored.status, 200, restored.text);
    assert.equal(readFileSync(path.join(site.dir, POST), "utf8"), original);
    assert.equal(site.git("rev-list", "--count", "main").trim(), "3", "a new commit; nothing rewritten");
    assert.equal(site.git("show", "--name-only", "--format=", "main").trim(), POST, "the restore commits that file only");
    assert.equal(site.git("status", "--porcelain").trim(), "?? other.txt");
    const bad = await site.api("POST", `/api/restore?path=${POST}&rev=../../etc`, {});
    assert.equal(bad.status, 400);
  });
});
