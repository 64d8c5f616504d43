/**
 * Deciding what an update must redo. Changes that touch everything (the config, global data,
 * ignore files, package.json) mean a full build. Otherwise a page renders again when its
 * template or data changed, or when something it read last time is now different: a file,
 * a collection's list of pages, or a field of another page. What a page did not read cannot
 * change its output, so the rest keep their output: the result equals a full build.
 */
import path from "node:path";
import { contentHash } from "../util/content-hash.js";
import type { BuildState } from "./build-state.js";
import { collectionIdentity } from "./collections.js";
import { itemKey, type Page } from "./page-model.js";
import { isInside } from "./project-paths.js";
import { snapshot, type ReadValue, type RenderRecord } from "./render-tracking.js";

/** Why an update cannot be incremental, or undefined when it can. */
export function needsFullBuild(state: BuildState, changed: readonly string[]): string | undefined {
  const configFile = state.loaded.configFile;
  // Watch targets outside the input folder feed the build in ways Plinth cannot see (a CSS
  // pipeline, a script reading files): a change there rebuilds everything.
  const watchTargets = state.config.watchTargets.map((t) => path.resolve(state.paths.cwd, t)).filter((t) => !isInside(state.paths.input, t));
  for (const file of changed) {
    if (watchTargets.some((t) => file === t || isInside(t, file))) return "a watch target changed";
    if (configFile && file === configFile) return "the config file changed";
    if (isInside(state.paths.data, file)) return "global data changed";
    const base = path.basename(file);
    if (base === "package.json" || base === ".eleventyignore" || base === ".gitignore") return `${base} changed`;
  }
  return undefined;
}

/** True when a file may be a template or directory data file (so every template's data is redone). */
export function isLocalDataFile(file: string): boolean {
  return /\.(json|11tydata\.(js|cjs|mjs|json))$/.test(file) || /\.11tydata\./.test(file);
}

function contentStamp(content: string | undefined): string {
  return content === undefined ? "undefined" : contentHash(content);
}

/** The current value of a field another page read, in the form it was recorded. */
export function currentValue(page: Page, field: string): ReadValue {
  if (field.startsWith("data.")) return snapshot(page.data[field.slice(5)]);
  switch (field) {
    case "url":
      return snapshot(page.page.url);
    case "outputPath":
      return snapshot(page.page.outputPath);
    case "date":
      return snapshot(page.page.date);
    case "fileSlug":
      return snapshot(page.page.fileSlug);
    case "filePathStem":
      return snapshot(page.page.filePathStem);
    case "page":
      return snapshot(page.page);
    case "rawInput":
      return snapshot(page.template.source.frontMatter.body);
    case "templateContent":
      return contentStamp(page.content);
    default:
      return `unknown:${Math.random()}`;
  }
}

export interface StaleCheck {
  changedFiles: ReadonlySet<string>;
  pagesByKey: ReadonlyMap<string, Page>;
  /**
   * Keys of pages whose fields may differ from last time: re-made pages and pages rendered
   * again. A page object kept from the last build has the same data, URL and date, so reads
   * of it need no checking; this keeps an update's cost in proportion to what changed.
   */
  changedItems: ReadonlySet<string>;
  /** The collections of the build being assembled. */
  collections: Readonly<Record<string, unknown>>;
  /** Skip `templateContent` reads: they are checked once the changed pages have rendered. */
  ignoreContent: boolean;
  /**
   * Every page of the last build is still there (an update that only re-made pages): a record
   * then needs checking only for the changed pages, however many pages it read (a tag page).
   */
  everyKeyKept?: boolean;
}

function fieldsChanged(page: Page | undefined, fields: ReadonlyMap<string, ReadValue>, ignoreContent: boolean): boolean {
  if (!page) return true;
  for (const [field, value] of fields) {
    if (field === "templateContent" && ignoreContent) continue;
    if (currentValue(page, field) !== value) return true;
  }
  return false;
}

export function recordIsStale(record: RenderRecord | undefined, check: StaleCheck): boolean {
  if (!record) return true;
  for (const file of record.files) if (check.changedFiles.has(file)) return true;
  for (const [name, identity] of record.collections) {
    const now = check.collections[name];
    // Anything but a list of pages was recorded as changing on every build.
    if (!Array.isArray(now) || collectionIdentity(now) !== identity) return true;
  }
  if (check.everyKeyKept && check.changedItems.size < record.items.size) {
    for (const key of check.changedItems) {
      const fields = record.items.get(key);
      if (fields && fieldsChanged(check.pagesByKey.get(key), fields, check.ignoreContent)) return true;
    }
    return false;
  }
  for (const [key, fields] of record.items) {
    if (!check.changedItems.has(key)) {
      if (check.pagesByKey.has(key)) continue;
      return true;
    }
    if (fieldsChanged(check.pagesByKey.get(key), fields, check.ignoreContent)) return true;
  }
  return false;
}

export function pagesByKey(pages: readonly Page[]): Map<string, Page> {
  return new Map(pages.map((p) => [itemKey(p), p]));
}
