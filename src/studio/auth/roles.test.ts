import assert from "node:assert/strict";
import { test } from "node:test";
import { mayCall } from "./authorize.js";
import { authorOf, can, type StudioUser } from "./roles.js";

const writer: StudioUser = { name: "wanda", role: "writer" };
const editor: StudioUser = { name: "ed", role: "editor" };
const members: StudioUser = { name: "mo", role: "members" };
const admin: StudioUser = { name: "ada", role: "admin" };

test("a writer drafts and submits, but neither publishes, deletes published entries nor touches the roster", () => {
  assert.ok(can(writer, "entry.create"));
  assert.ok(can(writer, "entry.edit", { path: "news/a.md" }));
  assert.ok(can(writer, "entry.submit"));
  assert.ok(can(writer, "entry.delete", { published: false }));
  assert.equal(can(writer, "entry.delete", { published: true }), false);
  assert.equal(can(writer, "entry.delete"), false, "unknown state counts as published");
  assert.equal(can(writer, "entry.publish"), false);
  assert.equal(can(writer, "entry.review"), false);
  assert.equal(can(writer, "entry.edit", { roster: true }), false);
  assert.equal(can(writer, "members.announce"), false);
  assert.equal(can(writer, "users.manage"), false);
});

test("an editor also reviews, publishes, unpublishes and deletes, outside the roster", () => {
  for (const action of ["entry.review", "entry.publish", "entry.unpublish", "entry.delete"] as const) assert.ok(can(editor, action), action);
  assert.equal(can(editor, "entry.edit", { roster: true }), false);
  assert.equal(can(editor, "members.edit"), false);
  assert.equal(can(editor, "settings"), false);
});

test("the members manager keeps the roster and announces, and reads the rest", () => {
  assert.ok(can(members, "entry.edit", { roster: true }));
  assert.ok(can(members, "entry.create", { roster: true }));
  assert.ok(can(members, "members.announce"));
  assert.ok(can(members, "media.upload"));
  assert.ok(can(members, "entry.read"));
  assert.equal(can(members, "entry.edit", { path: "news/a.md" }), false);
  assert.equal(can(members, "entry.publish"), false);
});

test("an admin may do everything; a route's coarse check asks whether any target allows it", () => {
  assert.ok(can(admin, "users.manage"));
  assert.ok(can(admin, "entry.edit", { roster: true }));
  assert.ok(mayCall(members, "entry.edit"), "member entries");
  assert.ok(mayCall(writer, "entry.delete"), "drafts");
  assert.equal(mayCall(writer, "entry.publish"), false);
  assert.equal(mayCall(editor, undefined), false, "an undeclared route is for admins");
  assert.ok(mayCall(admin, undefined));
  assert.ok(mayCall(writer, "public"));
});

test("commits are authored by the user", () => {
  assert.deepEqual(authorOf({ name: "Ana Lee", role: "writer" }), { name: "Ana Lee", email: "Ana-Lee@studio.invalid" });
  assert.deepEqual(authorOf({ name: "ana", role: "writer", email: "ana@example.org" }), { name: "ana", email: "ana@example.org" });
});
