/**
 * Saving a form: the front matter is edited in place, field by field. A field whose value did
 * not change keeps its exact text (quotes, escapes such as `\_`, comments, key order, line
 * breaks); a changed field has only its own `key: value` text replaced, written in the style it
 * had (quoted, flow or block list); a new field goes at the end; a removed one leaves with its
 * lines. The `yaml` package's Document says where each key and value is written; the text around
 * them is never re-serialised, which is what other editors get wrong (Decap #5099, Front Matter #835).
 */
import { Document, isCollection, isMap, isScalar, isSeq, type Node, type Pair } from "yaml";
import { StudioHttpError } from "../server/http-error.js";
import { joinFile, matterData, parseMatter, splitFile, withFrontMatter, type FileParts } from "./front-matter-text.js";

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** JSON-style deep equality, for values parsed from YAML or sent as JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Where a top-level pair is written: from its key to the end of its value (a comment after it stays). */
function pairSpan(pair: Pair, text: string): { start: number; end: number } | null {
  const key = pair.key as Node | null;
  if (!key?.range) return null;
  const value = pair.value as Node | null;
  let end = value?.range ? value.range[1] : key.range[1];
  if (!value?.range) {
    const colon = text.indexOf(":", key.range[1]);
    if (colon !== -1) end = colon + 1;
  }
  // A block collection's range runs on through its last line break; that break is not the value's.
  while (end > key.range[1] && /[\s]/.test(text[end - 1]!)) end--;
  return { start: key.range[0], end: Math.max(end, key.range[1]) };
}

/** The new value as a node in the style the old one had, where that style can hold it. */
function styledNode(doc: Document, value: unknown, old: Node | null): Node {
  const node = doc.createNode(value) as Node;
  if (old && isScalar(old) && isScalar(node) && typeof node.value === "string" && old.type) node.type = old.type;
  if (old && isCollection(old) && isCollection(node)) node.flow = old.flow ?? false;
  return node;
}

/** `key: value` text for one pair, with the old key's own text when there is one. */
function renderPair(key: string, value: unknown, old: Pair | null, text: string, eol: string): string {
  const doc = new Document({});
  const oldValue = (old?.value as Node | null) ?? null;
  const node = styledNode(doc, value, oldValue);
  let indentSeq = true;
  if (oldValue && isSeq(oldValue) && !oldValue.flow && oldValue.range && old?.key && (old.key as Node).range) {
    // `tags:\n- a` (items at the key's column) keeps that indentation.
    const keyStart = (old.key as Node).range![0];
    const keyColumn = keyStart - (text.lastIndexOf("\n", keyStart - 1) + 1);
    const itemColumn = oldValue.range[0] - (text.lastIndexOf("\n", oldValue.range[0] - 1) + 1);
    indentSeq = itemColumn > keyColumn;
  }
  (doc.contents as unknown as { items: Pair[] }).items.push(doc.createPair(key, node) as Pair);
  let rendered = doc.toString({ lineWidth: 0, indentSeq, nullStr: "" }).replace(/\n$/, "");
  rendered = rendered.replace(/:[ ]$/, ":").replace(/:[ ]\n/, ":\n");
  if (old?.key && (old.key as Node).range) {
    const keyText = text.slice((old.key as Node).range![0], (old.key as Node).range![1]);
    const renderedKey = new Document(key).toString().replace(/\n$/, "");
    if (rendered.startsWith(`${renderedKey}:`)) rendered = keyText + rendered.slice(renderedKey.length);
  }
  return eol === "\n" ? rendered : rendered.replace(/\n/g, eol);
}

/** The lines a removed pair takes: from its line's start to the end of its last line. */
function removalSpan(span: { start: number; end: number }, text: string): { start: number; end: number } {
  const start = text.lastIndexOf("\n", span.start - 1) + 1;
  let end = text.indexOf("\n", span.end);
  end = end === -1 ? text.length : end + 1;
  return { start, end };
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The front matter text with `data` as its values, changing only the fields whose values differ. */
export function editMatter(parts: FileParts, data: Record<string, unknown>, file: string): string {
  if (parts.open && parts.language !== "yaml" && parts.language !== "json") {
    // JavaScript (`---js`) or another language: code, edited as the file's text (`raw`), never as a form.
    if (Object.keys(data).length === 0) return parts.matter;
    throw new StudioHttpError(422, "StudioFrontMatterInvalid", `The front matter of ${file} is ${parts.language}, which the form cannot edit.`, {
      hint: "Save the whole text instead: PUT /api/entry with `raw`.",
      location: { file, line: 1 },
    });
  }
  if (parts.open && parts.language === "json") {
    return sameValue(matterData(parts, file), data) ? parts.matter : JSON.stringify(data, null, 2).replace(/\n/g, parts.eol);
  }
  const text = parts.matter;
  const doc = parseMatter(parts, file);
  const old = (doc.toJS({ maxAliasCount: 1000 }) ?? {}) as Record<string, unknown>;
  const map = doc.contents;
  if (map !== null && isMap(map) && map.flow) {
    // `{ title: x }` on one line: there is no per-field text to keep, so it is written anew.
    return sameValue(old, data) ? text : new Document(data).toString({ lineWidth: 0 }).replace(/\n$/, "");
  }
  const edits: Edit[] = [];
  const seen = new Set<string>();
  for (const pair of map && isMap(map) ? (map.items as Pair[]) : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    seen.add(key);
    const span = pairSpan(pair, text);
    if (!span) continue;
    if (!Object.hasOwn(data, key)) edits.push({ ...removalSpan(span, text), text: "" });
    else if (!sameValue(old[key], data[key])) edits.push({ ...span, text: renderPair(key, data[key], pair, text, parts.eol) });
  }
  const added = Object.keys(data).filter((key) => !seen.has(key) && data[key] !== undefined);
  let out = applyEdits(text, edits);
  if (added.length) {
    const lines = added.map((key) => renderPair(key, data[key], null, text, parts.eol)).join(parts.eol);
    out = out === "" || out.endsWith("\n") ? out + lines : out + parts.eol + lines;
  }
  return out;
}

/** The file with new front matter values and/or a new body; what is the same stays byte for byte. */
export function editFile(raw: string, change: { frontMatter?: Record<string, unknown>; body?: string }, file: string): string {
  let parts = splitFile(raw);
  if (change.frontMatter !== undefined) {
    const matter = editMatter(parts, change.frontMatter, file);
    if (matter !== parts.matter) parts = withFrontMatter(parts, matter);
  }
  if (change.body !== undefined) parts = { ...parts, body: change.body };
  return joinFile(parts);
}

