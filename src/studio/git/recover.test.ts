// What a killed save leaves, cleared at start: git's stale locks (which would fail every later
// commit) and the temporary files of writes that never reached their rename; nothing else.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { GitRepo } from "./git-repo.js";
import { recoverRepository } from "./recover.js";

describe("recoverRepository", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-recover-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  it("removes a stale index.lock and HEAD's branch lock, and interrupted temporary files, so the next commit works", async () => {
    git("init", "-q", "-b", "main");
    mkdirSync(path.join(dir, "news"));
    writeFileSync(path.join(dir, "news", "a.md"), "A\n");
    writeFileSync(path.join(dir, ".gitignore"), "*~\n");
    git("add", "-A");
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "init");
    const lock = path.join(dir, ".git", "index.lock");
    writeFileSync(lock, "");
    writeFileSync(path.join(dir, ".git", "refs", "heads", "main.lock"), "");
    const temp = path.join(dir, "news", ".a.md.plinth-0a1b2c3d~");
    writeFileSync(temp, "half a fi");
    const keep = path.join(dir, "news", "notes.md~");
    writeFileSync(keep, "an editor's backup, not ours");
    const repo = (await GitRepo.open(dir, { name: "T", email: "t@example.org" }))!;
    const lines: string[] = [];
    const removed = await recoverRepository(repo, { log: (line) => lines.push(line), waitMs: 200 });
    assert.equal(removed.length, 3);
    assert.equal(existsSync(lock), false);
    assert.equal(existsSync(temp), false);
    assert.equal(existsSync(keep), true, "only the studio's own temporary files go");
    assert.ok(lines.some((line) => /Removed \.git\/index\.lock/.test(line)));
    assert.ok(lines.some((line) => /Removed news\/\.a\.md\.plinth-0a1b2c3d~/.test(line)));
    writeFileSync(path.join(dir, "news", "a.md"), "B\n");
    assert.match((await repo.commitFile("news/a.md", "Update"))!, /^[0-9a-f]{40}$/);
  });

  it("does nothing in a clean repository", async () => {
    const repo = (await GitRepo.open(dir))!;
    assert.deepEqual(await recoverRepository(repo, { log: () => assert.fail("nothing to say") }), []);
  });
});
