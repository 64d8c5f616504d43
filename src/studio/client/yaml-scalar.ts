// Writes one front matter value as YAML text, in the style its key already uses where it
// has one (double or single quotes, plain, a flow or block list), so an edited field looks
// like the fields around it. Only values the form produces: strings, numbers, booleans,
// dates and lists of strings.

export type Style = "plain" | "double" | "single" | "literal" | "flow" | "block" | "empty";

export interface ValueStyle {
  style: Style;
  /** Indentation of list items (block lists) or of a literal block. */
  indent: string;
}

/** The style of a value as written after `key:` (the rest of its block). */
export function styleOf(value: string): ValueStyle {
  const first = value.replace(/^[ \t]*/, "");
  const item = /\n([ \t]*)- /.exec(value);
  if (/^(?:#.*)?\r?\n?$/.test(first.split("\n")[0] ?? "") && item) return { style: "block", indent: item[1]! };
  if (first.startsWith('"')) return { style: "double", indent: "  " };
  if (first.startsWith("'")) return { style: "single", indent: "  " };
  if (first.startsWith("[")) return { style: "flow", indent: "  " };
  if (first.startsWith("|") || first.startsWith(">")) return { style: "literal", indent: /\n([ \t]+)\S/.exec(value)?.[1] ?? "  " };
  if (/^(?:#.*)?\r?\n?$/.test(first)) return { style: "empty", indent: "  " };
  return { style: "plain", indent: "  " };
}

const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|\.inf|-\.inf|\.nan)$/i;
const NUMBER_LIKE = /^[-+]?(?:\d|\.\d|0x|0o)/;
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?/;

/** True when `text` reads back as the same string without quotes. */
export function isPlainSafe(text: string): boolean {
  if (text === "" || text !== text.trim()) return false;
  if (/[\u0000-\u001f\u007f-\u00a0\u2028\u2029\ufeff]/.test(text)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text)) return false;
  if (/: |:$| #/.test(text)) return false;
  return !RESERVED.test(text) && !NUMBER_LIKE.test(text) && !DATE_LIKE.test(text);
}

/** A double-quoted YAML string, with YAML's own short escapes (`\_` for a no-break space). */
export function doubleQuoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === "\\") out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\t") out += "\\t";
    else if (char === "\r") out += "\\r";
    else if (code === 0xa0) out += "\\_";
    else if (code === 0x85) out += "\\N";
    else if (code === 0x2028) out += "\\L";
    else if (code === 0x2029) out += "\\P";
    else if (code < 0x20 || code === 0x7f || code === 0xfeff) out += code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** One string as a YAML scalar in `style` (falling back to double quotes where it must). */
export function scalar(text: string, style: Style): string {
  if (style === "single" && !/[\n\r\u0000-\u001f]/.test(text)) return singleQuoted(text);
  if (style === "double") return doubleQuoted(text);
  return isPlainSafe(text) ? text : doubleQuoted(text);
}

export type FormValue = string | number | boolean | string[] | null;

/**
 * The block for `key: value` (without its final line break), written in `old`'s style when the
 * key exists. Null and "" give `key:` unless the old value was quoted.
 */
export function yamlBlock(key: string, value: FormValue, old: ValueStyle | undefined, newline: string): string {
  const name = isPlainSafe(key) ? key : doubleQuoted(key);
  const style = old?.style ?? "plain";
  if (value === null || value === "") return style === "double" || style === "single" ? `${name}: ${style === "double" ? '""' : "''"}` : `${name}:`;
  if (typeof value === "number" || typeof value === "boolean") return `${name}: ${String(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${name}: []`;
    if (style === "flow") return `${name}: [${value.map((item) => scalar(item, "plain")).join(", ")}]`;
    if (style === "plain" && old && value.length === 1) return `${name}: ${scalar(value[0]!, "plain")}`;
    const indent = old?.style === "block" ? old.indent : "  ";
    return `${name}:${value.map((item) => `${newline}${indent}- ${scalar(item, "plain")}`).join("")}`;
  }
  if (value.includes("\n")) {
    const indent = old?.style === "literal" ? old.indent : "  ";
    const body = value.endsWith("\n") ? value.slice(0, -1) : value;
    if (/^[ \t]/.test(body) || /[\r\u0000-\u0008\u000b-\u001f]/.test(body)) return `${name}: ${doubleQuoted(value)}`;
    const chomp = value.endsWith("\n") ? "" : "-";
    return `${name}: |${chomp}${body.split("\n").map((line) => (line === "" ? newline : `${newline}${indent}${line}`)).join("")}`;
  }
  return `${name}: ${scalar(value, style)}`;
}
