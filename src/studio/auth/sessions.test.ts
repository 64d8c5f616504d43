import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { LoginLimiter } from "./login-limiter.js";
import { Sessions } from "./sessions.js";
import { stateDir } from "./state-dir.js";

test("sessions survive a restart; the file holds neither ids nor CSRF tokens", () => {
  const dir = stateDir({ cwd: mkdtempSync(path.join(tmpdir(), "plinth-sessions-")) });
  const first = new Sessions(dir);
  const { id, session } = first.create("ana");
  const stored = readFileSync(path.join(dir, "sessions.json"), "utf8");
  assert.ok(!stored.includes(id) && !stored.includes(session.csrf));
  const restarted = new Sessions(dir);
  assert.equal(restarted.get(id)?.name, "ana");
  assert.equal(restarted.get(id)?.csrf, session.csrf, "the same CSRF token after the restart");
  assert.equal(restarted.get(`${id}x`), null);
  restarted.destroyUser("ana");
  assert.equal(new Sessions(dir).get(id), null);
});

test("a session ends 7 days after login even when used every hour", () => {
  let now = 0;
  const sessions = new Sessions(stateDir({ cwd: mkdtempSync(path.join(tmpdir(), "plinth-sessions-")) }), { now: () => now });
  const { id } = sessions.create("bo");
  for (let hour = 1; hour < 7 * 24; hour++) {
    now = hour * 3600_000;
    assert.ok(sessions.get(id), `hour ${hour}`);
  }
  now = 7 * 24 * 3600_000 + 1;
  assert.equal(sessions.get(id), null);
});

test("the limiter slows down after 3 failures, doubling, locks after 10, and a success clears it", () => {
  let now = 0;
  const limiter = new LoginLimiter({ now: () => now });
  for (let i = 0; i < 3; i++) {
    assert.equal(limiter.check("k").wait, 0);
    limiter.fail("k");
  }
  assert.deepEqual(limiter.check("k"), { wait: 1, locked: false });
  now += 1000;
  limiter.fail("k");
  assert.deepEqual(limiter.check("k"), { wait: 2, locked: false });
  limiter.succeed("k");
  assert.equal(limiter.check("k").wait, 0);
  for (let i = 0; i < 10; i++) limiter.fail("k");
  assert.deepEqual(limiter.check("k"), { wait: 900, locked: true });
  now += 900_000;
  assert.equal(limiter.check("k").wait, 0, "the lock ends");
});
