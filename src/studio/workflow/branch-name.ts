/**
 * The branch that holds an entry's work in progress: `studio/` and the entry's input-relative
 * path without its extension (`news/2023-03-22-slug.md` -> `studio/news/2023-03-22-slug`).
 * Characters git does not allow in a ref name (spaces, `~^:?*[\`, `@{`, a leading dot, a
 * trailing `.lock`) are written as `%XX`, so every path has a valid branch and none is shared
 * by two paths that differ only in such a character. The path itself travels in the commit's
 * `Studio-Path` trailer; the name is for people and for `git branch`.
 */
export const BRANCH_PREFIX = "studio/";

/** A byte as `%XX`. */
function escaped(char: string): string {
  return [...Buffer.from(char, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
}

function component(part: string): string {
  let out = "";
  for (const char of part) {
    const code = char.codePointAt(0)!;
    const unsafe = code < 0x21 || code === 0x7f || "~^:?*[\\%".includes(char);
    out += unsafe ? escaped(char) : char;
  }
  out = out.replace(/\.\./g, ".%2E").replace(/@\{/g, "%40{");
  if (out.startsWith(".")) out = `%2E${out.slice(1)}`;
  if (out.endsWith(".lock")) out = `${out.slice(0, -5)}%2Elock`;
  if (out.endsWith(".")) out = `${out.slice(0, -1)}%2E`;
  return out;
}

/** The entry branch's short name (without `refs/heads/`). */
export function branchOf(relative: string): string {
  const withoutExtension = relative.replace(/\.[^./]+$/, "");
  return BRANCH_PREFIX + withoutExtension.split("/").map(component).join("/");
}
