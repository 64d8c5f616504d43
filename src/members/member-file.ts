/**
 * One member file: its YAML front matter split by the engine's own parser, the line of each
 * top-level key (so every error points at the right line), and the private fields set aside.
 */
import path from "node:path";
import { parseFrontMatter } from "../engine/front-matter.js";
import { isPlinthError } from "../errors/plinth-error.js";
import { splitPrivateFields } from "./public-fields.js";
import type { Diagnostic, MemberRecord, MembersSchema } from "./types.js";

export type MemberFileResult = { kind: "member"; record: MemberRecord } | { kind: "skipped" } | { kind: "invalid"; diagnostic: Diagnostic };

/** `key:` at the start of a line, optionally quoted: a top-level key of a YAML mapping. */
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#'"?:\-[\]{}][^:#]*?))\s*:(?:\s|$)/;

/** The file line of each top-level key; front matter starts on line 2, after the opening `---`. */
export function keyLinesOf(matter: string): Map<string, number> {
  const lines = new Map<string, number>();
  matter.split("\n").forEach((text, index) => {
    const match = TOP_LEVEL_KEY.exec(text);
    const key = match?.[1] ?? match?.[2] ?? match?.[3];
    if (key !== undefined && !lines.has(key)) lines.set(key, index + 2);
  });
  return lines;
}

export function parseMemberFile(file: string, source: string, schema: MembersSchema): MemberFileResult {
  let parsed;
  try {
    parsed = parseFrontMatter(source, file);
  } catch (error) {
    if (!isPlinthError(error)) throw error;
    return {
      kind: "invalid",
      diagnostic: { code: error.code, severity: "error", message: error.message, hint: error.hint, location: { ...error.location, file } },
    };
  }
  // A page that lives in the members folder but is not a member (an overview, say) opts out.
  if (parsed.data.member === false) return { kind: "skipped" };

  const { publicData, privateData } = splitPrivateFields(parsed.data, schema.privateFields);
  const tierKey = tierKeyOf(parsed.data, schema);
  return {
    kind: "member",
    record: {
      slug: path.basename(file, path.extname(file)),
      file,
      source,
      data: publicData,
      privateData,
      body: parsed.body,
      keyLines: keyLinesOf(parsed.matter),
      tierValue: parsed.data[tierKey],
      tierKey,
    },
  };
}

/** The configured tier key; unless a site configured one, `tier` and `level` are both accepted. */
function tierKeyOf(data: Record<string, unknown>, schema: MembersSchema): string {
  if (schema.memberFieldConfigured || schema.memberField in data) return schema.memberField;
  const alias = ["level", "tier"].find((key) => key in data);
  return alias ?? schema.memberField;
}

/** Where a key was written in a member file, falling back to the opening `---`. */
export function locate(record: MemberRecord, key: string): { file: string; line: number; column?: number } {
  const line = record.keyLines.get(key);
  return line === undefined ? { file: record.file, line: 1 } : { file: record.file, line, column: key.length + 3 };
}

/**
 * The text written after `key:` on its line, unquoted. YAML rolls impossible dates over
 * (2023-02-30 becomes 2 March), so date rules read what the person actually typed.
 */
export function rawValue(record: MemberRecord, key: string): string | undefined {
  const line = record.keyLines.get(key);
  if (line === undefined) return undefined;
  const text = record.source.split("\n")[line - 1] ?? "";
  const value = text.slice(text.indexOf(":") + 1).replace(/\s+#.*$/, "").trim();
  return value.replace(/^(["'])(.*)\1$/, "$2");
}
