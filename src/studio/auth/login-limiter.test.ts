import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { Accounts } from "./accounts.js";
import { LoginLimiter } from "./login-limiter.js";
import { stateDir } from "./state-dir.js";

test("a locked name stays locked across a restart: the counts are kept in a private state file", () => {
  const dir = stateDir({ cwd: mkdtempSync(path.join(tmpdir(), "plinth-limiter-")) });
  const file = path.join(dir, "failures.json");
  let at = 1_000_000;
  const now = () => at;
  const first = new LoginLimiter({ now, file });
  for (let i = 0; i < 10; i++) first.fail("name:ana");
  assert.equal(first.check("name:ana").locked, true);
  assert.equal(statSync(file).mode & 0o777, 0o600);

  const restarted = new LoginLimiter({ now, file });
  const after = restarted.check("name:ana");
  assert.equal(after.locked, true, "still locked after a restart");
  assert.equal(after.wait, 15 * 60);
  restarted.succeed("name:ana");
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), {}, "a success clears the count on disk too");

  restarted.fail("name:bo");
  at += 25 * 3600 * 1000;
  restarted.fail("name:cy");
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(file, "utf8"))), ["name:cy"], "counts untouched for a day are forgotten");
});

test("a damaged counts file forgets the counts, and the studio's accounts keep them in the state folder", () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "plinth-limiter-"));
  const dir = stateDir({ cwd });
  const accounts = new Accounts({ dir, port: 1 });
  for (let i = 0; i < 10; i++) accounts.names.fail("name:ana");
  assert.equal(new Accounts({ dir, port: 1 }).names.check("name:ana").locked, true, "a new server over the same state folder");
  assert.equal(statSync(path.join(dir, "login-failures-names.json")).mode & 0o777, 0o600);
  const file = path.join(dir, "broken.json");
  writeFileSync(file, "{ not json");
  const limiter = new LoginLimiter({ file });
  assert.equal(limiter.check("x").wait, 0);
  assert.equal(limiter.fail("x"), 1);
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")).x.failures, 1, "and is written anew");
});
