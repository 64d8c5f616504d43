/** Checks on the pages' output paths, before anything renders. */
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import type { BuildState } from "./build-state.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import type { Page } from "./page-model.js";

/** Files hosts know how to serve without an extension; Eleventy allows these too. */
const EXTENSIONLESS_ALLOWED = ["/_redirects", "/.htaccess", "/_headers"];

/** Pages already checked: a dev server update keeps most pages, and their permalinks, as they were. */
const extensionChecked = new WeakSet<Page>();

/**
 * A permalink without a file extension (`/about` rather than `/about/`) is almost always a
 * mistake: hosts serve such files with no type. Eleventy 3 stops the build for it, so do we.
 */
function missesExtension(page: Page): boolean {
  if (page.outputRelative === false || page.page.url === false || page.data.eleventyAllowMissingExtension) return false;
  if (EXTENSIONLESS_ALLOWED.some((u) => (page.page.url as string).endsWith(u))) return false;
  return path.posix.extname(page.outputRelative) === "";
}

export function checkMissingExtensions(pages: Page[], config: BuildState["config"]): PlinthError[] {
  if ((config.errorReporting as { allowMissingExtensions?: boolean }).allowMissingExtensions === true) return [];
  const errors: PlinthError[] = [];
  for (const page of pages) {
    if (extensionChecked.has(page)) continue;
    if (!missesExtension(page)) {
      extensionChecked.add(page);
      continue;
    }
    errors.push(
      new PlinthError("PermalinkInvalid", `${page.page.inputPath} would write ${page.page.outputPath}, a file with no extension.`, {
        location: { file: page.page.inputPath },
        hint: "End the permalink with `/` (for /about/index.html) or a file name with an extension. If the missing extension is intended, set `eleventyAllowMissingExtension: true`.",
      }),
    );
  }
  return errors;
}

export function checkDuplicateOutputs(pages: Page[]): PlinthError[] {
  const seen = new Map<string, Page>();
  const errors: PlinthError[] = [];
  for (const page of pages) {
    if (page.outputRelative === false) continue;
    const other = seen.get(page.outputRelative);
    if (other) {
      const text = page.template.source.text;
      errors.push(
        new PlinthError("DuplicateOutput", `${other.page.inputPath} and ${page.page.inputPath} both write ${page.page.outputPath}.`, {
          location: { file: page.page.inputPath, ...frontMatterKeyLocation(text, "permalink") },
          source: text,
        }),
      );
    } else seen.set(page.outputRelative, page);
  }
  return errors;
}
