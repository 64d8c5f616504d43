import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { UsersStore } from "../studio/auth/users-store.js";
import { runStudioUsersCommand } from "./studio-users-command.js";

function run(cwd: string, argv: string[], stdin = "") {
  let out = "";
  let err = "";
  const io = { cwd, stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  return runStudioUsersCommand(argv, io, async () => stdin).then((code) => ({ code, out, err }));
}

test("plinth studio users add|list|reset|remove keeps accounts in a private, git-ignored state folder", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "plinth-users-cli-"));
  execFileSync("git", ["init", "-q"], { cwd });
  const added = await run(cwd, ["add", "ana", "--role", "editor", "--url", "https://studio.example.org"]);
  assert.equal(added.code, 0, added.err);
  const link = /https:\/\/studio\.example\.org\/#set-password=([\w-]+)/.exec(added.out);
  assert.ok(link, added.out);
  const users = new UsersStore(path.join(cwd, ".plinth-studio"));
  assert.ok(await users.redeem(link[1], "a long passphrase"));

  const piped = await run(cwd, ["add", "ci", "--role", "writer", "--password-stdin"], "piped passphrase\n");
  assert.equal(piped.code, 0, piped.err);
  assert.ok(!piped.out.includes("set-password"), "no link when the password came on stdin");
  assert.ok(await users.verify("ci", "piped passphrase"));

  const listed = await run(cwd, ["list"]);
  assert.match(listed.out, /^ana\s+editor/m);
  assert.match(listed.out, /^ci\s+writer/m);
  assert.ok(!listed.out.includes("scrypt"), "no hashes in the listing");

  assert.equal(statSync(path.join(cwd, ".plinth-studio")).mode & 0o777, 0o700);
  assert.equal(statSync(path.join(cwd, ".plinth-studio", "users.json")).mode & 0o777, 0o600);
  assert.match(readFileSync(path.join(cwd, ".git", "info", "exclude"), "utf8"), /^\/\.plinth-studio\/$/m);
  assert.equal(execFileSync("git", ["status", "--porcelain"], { cwd, encoding: "utf8" }), "", "git does not see the state folder");

  const reset = await run(cwd, ["reset", "ana"]);
  assert.match(reset.out, /#set-password=/);
  assert.equal(await users.verify("ana", "a long passphrase"), null);
  assert.equal((await run(cwd, ["remove", "ci"])).code, 0);
  assert.equal(users.get("ci"), undefined);
});

test("bad use answers catalog errors without a stack", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "plinth-users-cli-"));
  const noRole = await run(cwd, ["add", "ana"]);
  assert.equal(noRole.code, 1);
  assert.match(noRole.err, /CliUsage|--role/);
  const badRole = await run(cwd, ["add", "ana", "--role", "root"]);
  assert.match(badRole.err, /StudioUserInvalid/);
  const unknown = await run(cwd, ["remove", "nobody"]);
  assert.match(unknown.err, /StudioUserUnknown/);
  const short = await run(cwd, ["add", "x", "--role", "writer", "--password-stdin"], "tiny9");
  assert.match(short.err, /StudioUserInvalid/);
  assert.ok(!short.err.includes("tiny9") && !/at .*\.js:\d+/.test(short.err), "neither the password nor a stack trace");
});

test("plinth studio users role changes a role; the last admin is refused with its error and hint", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "plinth-users-cli-"));
  assert.equal((await run(cwd, ["add", "ada", "--role", "admin", "--password-stdin"], "a long passphrase")).code, 0);
  assert.equal((await run(cwd, ["add", "ana", "--role", "writer"])).code, 0);
  const changed = await run(cwd, ["role", "ana", "--role", "editor"]);
  assert.equal(changed.code, 0, changed.err);
  assert.match(changed.out, /ana is now editor; their sessions end/);
  assert.match((await run(cwd, ["list"])).out, /^ana\s+editor/m);
  const last = await run(cwd, ["role", "ada", "--role", "writer"]);
  assert.equal(last.code, 1);
  assert.match(last.err, /StudioLastAdmin/);
  assert.match(last.err, /ada is the only admin/);
  assert.match(last.err, /users role NAME --role admin/, "the hint says what to do");
  assert.match((await run(cwd, ["list"])).out, /^ada\s+admin/m);
  const removed = await run(cwd, ["remove", "ada"]);
  assert.equal(removed.code, 1, "the last admin is not removed while ana's account remains");
  assert.match(removed.err, /StudioLastAdmin/);
  assert.match((await run(cwd, ["list"])).out, /^ada\s+admin/m);
  assert.match((await run(cwd, ["role", "ana"])).err, /CliUsage|--role/);
  assert.match((await run(cwd, ["role", "ana", "--role", "root"])).err, /StudioUserInvalid/);
});
