import assert from "node:assert/strict";
import { test } from "node:test";
import { keyLinesOf, locate, parseMemberFile } from "./member-file.js";
import { loadMembersSchema } from "./schema.js";
import type { MemberRecord, MembersSchema } from "./types.js";

const schema: MembersSchema = loadMembersSchema("/nonexistent/_data").schema;

function parsed(source: string, options: Partial<MembersSchema> = {}): MemberRecord {
  const result = parseMemberFile("/site/members/acme.md", source, { ...schema, ...options });
  assert.equal(result.kind, "member");
  return (result as { record: MemberRecord }).record;
}

test("each top-level key keeps its line in the file, nested keys do not count", () => {
  const matter = 'name: Acme\n"url": https://acme.example\ncontacts:\n  - name: Jane\n    email: jane@acme.example\n# a comment\nlevel: gold';
  assert.deepEqual([...keyLinesOf(matter)], [["name", 2], ["url", 3], ["contacts", 4], ["level", 8]]);
});

test("a member file gives its slug, public data, tier and key locations", () => {
  const record = parsed("---\nname: Acme\nlevel: gold\nlayout: member.njk\ncontacts:\n  - jane@acme.example\n---\nBody\n");
  assert.equal(record.slug, "acme");
  assert.deepEqual(record.data, { name: "Acme", level: "gold" });
  assert.deepEqual(record.privateData, { contacts: ["jane@acme.example"] });
  assert.equal(record.tierValue, "gold");
  assert.equal(record.tierKey, "level");
  assert.deepEqual(locate(record, "level"), { file: "/site/members/acme.md", line: 3, column: 8 });
  assert.deepEqual(locate(record, "url"), { file: "/site/members/acme.md", line: 1 });
});

test("`tier` is accepted for `level` unless the site configured its tier field", () => {
  assert.equal(parsed("---\nname: Acme\ntier: gold\n---\n").tierValue, "gold");
  const strict = parsed("---\nname: Acme\ntier: gold\n---\n", { memberField: "level", memberFieldConfigured: true });
  assert.equal(strict.tierValue, undefined);
  assert.equal(strict.tierKey, "level");
});

test("a page in the members folder that says `member: false` is not a member", () => {
  const result = parseMemberFile("/site/members/overview.md", "---\ntitle: Our members\nmember: false\n---\n", schema);
  assert.equal(result.kind, "skipped");
});

test("broken YAML becomes a diagnostic at the line of the mistake", () => {
  const result = parseMemberFile("/site/members/acme.md", "---\nname: Acme\nlevel: [gold\nurl: x\n---\n", schema);
  assert.equal(result.kind, "invalid");
  const { diagnostic } = result as { diagnostic: { code: string; location: { file: string; line?: number } } };
  assert.equal(diagnostic.code, "FrontMatterInvalid");
  assert.equal(diagnostic.location.file, "/site/members/acme.md");
  assert.ok(diagnostic.location.line !== undefined && diagnostic.location.line >= 3 && diagnostic.location.line <= 5, `line ${diagnostic.location.line}`);
});
