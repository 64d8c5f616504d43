/**
 * Splits a Liquid shortcode's argument text into expressions, the way Eleventy's default
 * ("legacy") parsing does: strings, numbers and variable paths, separated by spaces or commas.
 */
const TOKEN = /"(?:\\["\\]|[^\n"\\])*"|'(?:\\['\\]|[^\n'\\])*'|[0-9]+\.*[0-9]*|[a-zA-Z0-9.\-_]+|[, \t]+/gy;

export function splitShortcodeArguments(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    match = TOKEN.exec(text);
    if (match === null) {
      // Eleventy's lexer stops with "invalid syntax" here too; dropping the rest would hide a mistake.
      throw new Error(`invalid syntax in shortcode arguments at "${text.slice(at)}": use strings, numbers and variable names, separated by commas`);
    }
    const token = match[0];
    if (!/^[, \t]+$/.test(token)) out.push(token);
  }
  return out;
}
