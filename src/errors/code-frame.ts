/**
 * A short excerpt of a source file around a line, with a caret under the column,
 * so an error can be understood without opening the file.
 */

/** Blanks out the text before the caret, keeping tabs so the caret lines up in a terminal. */
function caretIndent(line: string, column: number): string {
  let out = "";
  for (let i = 0; i < column - 1; i++) out += line[i] === "\t" ? "\t" : " ";
  return out;
}

export function codeFrame(source: string, line: number, column?: number, context = 2): string {
  const lines = source.split(/\r?\n/);
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === line && column !== undefined && column > 0) {
      out.push(`  ${" ".repeat(width)} | ${caretIndent(lines[n - 1]!, column)}^`);
    }
  }
  return out.join("\n");
}
