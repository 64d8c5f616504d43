/**
 * Names derived from a template's path: `page.fileSlug`, `page.filePathStem`, and the
 * default output path (`about.md` -> `about/index.html`, `index.md` -> `index.html`,
 * `news/news.md` -> `news/index.html`).
 */
import path from "node:path";

const DATE_PREFIX = /\d{4}-\d{2}-\d{2}-(.*)/;

function stripDate(slug: string): string {
  const match = DATE_PREFIX.exec(slug);
  return match ? match[1]! : slug;
}

export interface PathNames {
  /** File name without the template extension, date prefix kept: the default permalink uses it. */
  baseName: string;
  fileSlug: string;
  filePathStem: string;
  /** Folder relative to the input folder, posix, `""` at the root. */
  dir: string;
}

/** `relativePath` is posix and relative to the input folder; `extension` is the template extension. */
export function pathNames(relativePath: string, extension: string): PathNames {
  const dir = path.posix.dirname(relativePath) === "." ? "" : path.posix.dirname(relativePath);
  const file = path.posix.basename(relativePath);
  const baseName = file.slice(0, file.length - extension.length - 1);
  const raw = stripDate(baseName);
  const dirs = dir ? dir.split("/") : [];
  let fileSlug = raw;
  if (raw === "index") fileSlug = dirs.length ? stripDate(dirs[dirs.length - 1]!) : "";
  const filePathStem = `/${[...dirs, raw].join("/")}`;
  return { baseName, fileSlug, filePathStem, dir };
}

/** The output path, relative to the output folder, when no permalink is set. */
export function defaultOutputPath(names: PathNames, outputExtension = "html"): string {
  const prefix = names.dir ? `${names.dir}/` : "";
  if (outputExtension !== "html") return `${prefix}${names.baseName}.${outputExtension}`;
  const lastDir = names.dir.split("/").pop();
  const ownFolder = names.baseName !== "index" && lastDir !== names.baseName;
  return `${prefix}${ownFolder ? `${names.baseName}/` : ""}index.html`;
}
