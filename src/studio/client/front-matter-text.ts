// The text of an entry as the editor holds it: front matter cut into one block per top-level
// key, plus the body. A form edit replaces the text of its key's block and nothing else, so
// keys the user did not touch keep their bytes (quotes, escapes, comments, order), and a
// document nobody edited joins back to exactly the text it came from.

export interface Block {
  /** The top-level key, or null for comments and blank lines between keys. */
  key: string | null;
  /** The block's lines, each with its line break. */
  text: string;
}

export interface EntryText {
  /** The opening `---` line with its line break; "" when the file has no front matter. */
  open: string;
  blocks: Block[];
  /** The closing `---` line with its line break. */
  close: string;
  body: string;
  /** The line break the front matter uses, for new lines. */
  newline: string;
}

const OPEN = /^---[ \t]*(\r?\n)/;
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}][^:#]*?|[-?:][^\s:#][^:#]*?))[ \t]*:(?:[ \t]|$)/;

function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function keyOf(line: string): string | null {
  const match = KEY.exec(line.replace(/\r?\n$/, ""));
  if (!match) return null;
  if (match[1] !== undefined) return match[1];
  if (match[2] !== undefined) return match[2].replace(/''/g, "'");
  return match[3] ?? null;
}

/** True for a line that continues the value above it: indented, or a `- ` item at column 0. */
function continues(line: string): boolean {
  return /^[ \t]/.test(line) && line.trim() !== "" ? true : /^-(?:[ \t]|\r?$)/.test(line);
}

export function parseEntryText(raw: string): EntryText {
  const open = OPEN.exec(raw);
  if (!open) return { open: "", blocks: [], close: "", body: raw, newline: raw.includes("\r\n") ? "\r\n" : "\n" };
  const newline = open[1]!;
  const rest = raw.slice(open[0].length);
  const all = lines(rest);
  const closeIndex = all.findIndex((line) => /^---[ \t]*(?:\r?\n)?$/.test(line));
  if (closeIndex === -1) return { open: "", blocks: [], close: "", body: raw, newline };
  const blocks: Block[] = [];
  const yamlLines = all.slice(0, closeIndex);
  for (let i = 0; i < yamlLines.length; i++) {
    const line = yamlLines[i]!;
    const key = keyOf(line);
    const last = blocks.at(-1);
    if (key !== null) {
      blocks.push({ key, text: line });
    } else if (last && last.key !== null && (continues(line) || (line.trim() === "" && yamlLines.slice(i + 1).some((next) => next.trim() !== "") && continuesAfterBlank(yamlLines, i)))) {
      last.text += line;
    } else if (last && last.key === null) {
      last.text += line;
    } else {
      blocks.push({ key: null, text: line });
    }
  }
  const close = all[closeIndex]!;
  const body = all.slice(closeIndex + 1).join("");
  return { open: open[0], blocks, close, body, newline };
}

/** A blank line inside a block scalar: the next non-blank line is still indented. */
function continuesAfterBlank(yamlLines: string[], index: number): boolean {
  for (let i = index + 1; i < yamlLines.length; i++) {
    const line = yamlLines[i]!;
    if (line.trim() === "") continue;
    return /^[ \t]/.test(line);
  }
  return false;
}

/** The whole text as the body, no form: for front matter the form cannot edit (`---js`, invalid YAML). */
export function wholeText(raw: string): EntryText {
  return { open: "", blocks: [], close: "", body: raw, newline: raw.includes("\r\n") ? "\r\n" : "\n" };
}

export function joinEntryText(doc: EntryText): string {
  return doc.open + doc.blocks.map((block) => block.text).join("") + doc.close + doc.body;
}

export function blockOf(doc: EntryText, key: string): Block | undefined {
  return doc.blocks.find((block) => block.key === key);
}

/** The text of `key`'s block after `key:` (its value, as written). */
export function valueText(block: Block): string {
  const colon = block.text.indexOf(":", block.text.startsWith('"') || block.text.startsWith("'") ? block.text.indexOf(block.text[0]!, 1) + 1 : 0);
  return block.text.slice(colon + 1);
}

/** A copy of `doc` with `key`'s block replaced by `text` (appended before `---` if new; removed if null). */
export function withBlock(doc: EntryText, key: string, text: string | null): EntryText {
  const index = doc.blocks.findIndex((block) => block.key === key);
  const blocks = doc.blocks.slice();
  const ended = text === null ? null : text.endsWith("\n") ? text : text + doc.newline;
  if (index === -1) {
    if (ended === null) return doc;
    const last = blocks.at(-1);
    if (last && !last.text.endsWith("\n")) blocks[blocks.length - 1] = { ...last, text: last.text + doc.newline };
    blocks.push({ key, text: ended });
  } else if (ended === null) {
    blocks.splice(index, 1);
  } else {
    blocks[index] = { key, text: ended };
  }
  if (!doc.open) return { ...doc, open: `---${doc.newline}`, close: `---${doc.newline}`, blocks };
  return { ...doc, blocks };
}

/** The 1-based line of the file on which the body starts, to map a body line to a file line. */
export function bodyFirstLine(doc: EntryText): number {
  const head = doc.open + doc.blocks.map((block) => block.text).join("") + doc.close;
  return head === "" ? 1 : head.split("\n").length;
}
