/**
 * `---js` (or `---javascript`) front matter, as Eleventy 3 reads it: an object literal
 * (`{ title: "x" }`) is evaluated as one; anything else runs as a script whose top-level
 * `const`, `let`, `var` and function declarations become the data (through
 * node-retrieve-globals, the library Eleventy uses), with `page.inputPath` in scope and
 * top-level `await` and `import` allowed.
 */
import { PlinthError } from "../errors/plinth-error.js";
import type { TemplateSource } from "./template-source.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** gray-matter's JavaScript engine, which Eleventy keeps for object literals: an expression, else a statement. */
function evaluateObjectLiteral(code: string): unknown {
  try {
    return new Function(`return (${code.trim()});`)() as unknown;
  } catch (error) {
    if (!/(unexpected|identifier)/i.test((error as Error).message)) throw error;
    return new Function(code)() as unknown;
  }
}

export function isJavaScriptFrontMatter(language: string): boolean {
  const name = language.toLowerCase();
  return name === "js" || name === "javascript";
}

export async function evaluateJavaScriptFrontMatter(code: string, inputPath: string): Promise<Record<string, unknown>> {
  if (code.trimStart().startsWith("{")) {
    const value = evaluateObjectLiteral(code);
    return isRecord(value) ? value : {};
  }
  const { RetrieveGlobals } = await import("node-retrieve-globals");
  const script = new RetrieveGlobals(code, { filePath: inputPath, transformEsmImports: true });
  const data: unknown = await script.getGlobalContext({ page: { inputPath } }, { reuseGlobal: true, dynamicImport: true });
  return isRecord(data) ? data : {};
}

/** Replaces a source's front matter data with its JavaScript front matter's, when it has some. */
export async function applyJavaScriptFrontMatter(source: TemplateSource): Promise<void> {
  const code = source.frontMatter.javascript;
  if (code === undefined) return;
  try {
    source.frontMatter.data = { ...(await evaluateJavaScriptFrontMatter(code, source.inputPath)), ...source.frontMatter.data };
  } catch (cause) {
    throw new PlinthError("FrontMatterInvalid", `The JavaScript front matter of ${source.inputPath} threw: ${(cause as Error).message}`, {
      location: { file: source.inputPath, line: 2 },
      source: source.text,
      hint: "The block between `---js` and `---` runs as JavaScript: its top-level variables and functions become the page's data.",
      cause,
    });
  }
}

/**
 * Layouts are resolved synchronously, while a page's data is merged, so a layout's `---js`
 * front matter may be an object literal only; code there fails with a clear error.
 */
export function applyLayoutJavaScriptFrontMatter(source: TemplateSource): void {
  const code = source.frontMatter.javascript;
  if (code === undefined) return;
  if (!code.trimStart().startsWith("{") && code.trim() !== "") {
    throw new PlinthError("UnsupportedApi", `The layout ${source.inputPath} has JavaScript front matter that is code, not an object literal; Plinth reads that in templates but not yet in layouts.`, {
      location: { file: source.inputPath, line: 1 },
      source: source.text,
      hint: "Write the layout's `---js` front matter as one object literal (`{ title: \"x\" }`), or use YAML.",
    });
  }
  const value = code.trim() === "" ? {} : evaluateObjectLiteral(code);
  source.frontMatter.data = { ...(isRecord(value) ? value : {}), ...source.frontMatter.data };
}
