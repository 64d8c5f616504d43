import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { hashPassword, verifyPassword } from "./password.js";
import { stateDir } from "./state-dir.js";
import { UsersStore } from "./users-store.js";

const cost = 1 << 10;

function store(now = () => Date.now()): UsersStore {
  return new UsersStore(stateDir({ cwd: mkdtempSync(path.join(tmpdir(), "plinth-users-")) }), { cost, now });
}

test("passwords are scrypt hashes with their parameters, and only the right one verifies", async () => {
  const stored = await hashPassword("correct horse battery", cost);
  assert.match(stored, /^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
  assert.ok(!stored.includes("correct horse"));
  assert.equal(await verifyPassword("correct horse battery", stored), true);
  assert.equal(await verifyPassword("correct horse batterY", stored), false);
  assert.equal(await verifyPassword("x", "plain text"), false);
});

test("an account gets a one-time set-password link that works once, then logs in", async () => {
  const users = store();
  const { token } = await users.add({ name: "ana", role: "editor", email: "ana@example.org" });
  assert.ok(token);
  assert.equal(await users.verify("ana", "anything at all"), null, "no password yet");
  assert.deepEqual(await users.redeem(token, "a long passphrase"), { name: "ana", role: "editor", email: "ana@example.org" });
  assert.equal(await users.redeem(token, "another passphrase"), null, "the link works once");
  assert.deepEqual(await users.verify("ana", "a long passphrase"), { name: "ana", role: "editor", email: "ana@example.org" });
  assert.equal(await users.verify("ana", "a long passphrasE"), null);
  assert.equal(await users.verify("nobody", "a long passphrase"), null);
  const text = readFileSync(users.file, "utf8");
  assert.ok(!text.includes(token) && !text.includes("a long passphrase"), "neither the link's token nor the password is stored");
  assert.equal(statSync(users.file).mode & 0o777, 0o600);
  assert.equal(statSync(path.dirname(users.file)).mode & 0o777, 0o700);
});

test("a link expires; reset forgets the old password; remove ends the account", async () => {
  let now = Date.parse("2026-12-04T10:00:00Z");
  const users = store(() => now);
  const { token } = await users.add({ name: "bo", role: "writer" });
  now += 49 * 3600 * 1000;
  assert.equal(await users.redeem(token!, "a long passphrase"), null, "expired after 48 hours");
  const again = await users.reset("bo");
  await users.redeem(again.token!, "first passphrase");
  await users.reset("bo", "second passphrase");
  assert.equal(await users.verify("bo", "first passphrase"), null);
  assert.ok(await users.verify("bo", "second passphrase"));
  users.remove("bo");
  assert.equal(users.hasAccounts, false);
  assert.throws(() => users.remove("bo"), { code: "StudioUserUnknown" });
});

test("bad names, roles, short passwords and duplicates are refused with catalog errors", async () => {
  const users = store();
  await assert.rejects(users.add({ name: "../x", role: "writer" }), { code: "StudioUserInvalid" });
  await assert.rejects(users.add({ name: "x", role: "root" as "admin" }), { code: "StudioUserInvalid" });
  await assert.rejects(users.add({ name: "x", role: "writer" }, "short"), { code: "StudioUserInvalid" });
  await users.add({ name: "x", role: "writer" });
  await assert.rejects(users.add({ name: "x", role: "admin" }), { code: "StudioUserExists" });
});

test("the store sees accounts another process wrote (the CLI while the studio runs)", async () => {
  const users = store();
  const other = new UsersStore(path.dirname(users.file), { cost });
  assert.equal(users.hasAccounts, false);
  await other.add({ name: "cy", role: "admin" }, "a long passphrase");
  assert.equal(users.hasAccounts, true);
  writeFileSync(users.file, "{ nope");
  assert.throws(() => users.list(), { code: "StudioUsersFileInvalid" });
});

test("a user's role changes, keeping the password; the last admin stays one", async () => {
  const users = store();
  await users.add({ name: "ada", role: "admin" }, "a long passphrase");
  await users.add({ name: "ana", role: "writer" }, "another passphrase");
  users.setRole("ana", "editor");
  assert.deepEqual(await users.verify("ana", "another passphrase"), { name: "ana", role: "editor" });
  assert.throws(() => users.setRole("ada", "editor"), (error: Error & { code?: string }) => error.code === "StudioLastAdmin" && /ada is the only admin/.test(error.message));
  assert.throws(() => users.remove("ada"), (error: Error & { code?: string }) => error.code === "StudioLastAdmin" && /leave 1 account that nobody can manage/.test(error.message), "the last admin is not removed while other accounts remain");
  assert.equal(users.get("ada")?.role, "admin", "nothing changed");
  users.setRole("ana", "admin");
  users.setRole("ada", "writer");
  assert.equal(users.get("ada")?.role, "writer", "with another admin, an admin may be demoted");
  users.remove("ada");
  users.remove("ana");
  assert.equal(users.hasAccounts, false, "the last admin goes with the last account");
  assert.throws(() => users.setRole("nobody", "writer"), (error: Error & { code?: string }) => error.code === "StudioUserUnknown");
});
