/**
 * The build's central records. A Template is one source file with its cascaded data;
 * a Page is one output of it (a paginated template has several). Collection items are
 * views of pages, shared by reference across every collection that holds them.
 */
import { PlinthError } from "../errors/plinth-error.js";
import type { DataObject } from "./data-merge.js";
import type { PathNames } from "./file-slug.js";
import type { Layout } from "./layouts.js";
import type { TemplateSource } from "./template-source.js";

/** The `page` variable every template sees. */
export interface PageVariable {
  inputPath: string;
  fileSlug: string;
  filePathStem: string;
  outputFileExtension: string;
  templateSyntax: string;
  date: Date;
  url: string | false;
  outputPath: string | false;
  rawInput: string;
  lang?: string;
}

export interface Template {
  source: TemplateSource;
  names: PathNames;
  /** Template languages the body goes through, first to last. */
  chain: string[];
  layouts: Layout[];
  /** The cascaded data before pagination and computed data. */
  data: DataObject;
  date: Date;
  /** Data files that fed this template's data, for the dependency graph. */
  dataFiles: string[];
}

export interface Page {
  template: Template;
  data: DataObject;
  page: PageVariable;
  /** Output path relative to the output folder, posix; false when the page is not written. */
  outputRelative: string | false;
  pageNumber: number;
  /** Index among all pages of the build, for stable ordering. */
  order: number;
  content?: string;
  output?: string;
  item: CollectionItem;
}

/** One entry of a collection, as templates see it (`item.data.title`, `item.url`, `item.templateContent`). */
export interface CollectionItem {
  readonly inputPath: string;
  readonly fileSlug: string;
  readonly filePathStem: string;
  readonly outputPath: string | false;
  readonly url: string | false;
  readonly date: Date;
  readonly data: DataObject;
  readonly page: PageVariable;
  readonly rawInput: string;
  readonly groupNumber: number;
  readonly templateContent: string;
  readonly content: string;
}

const owners = new WeakMap<object, Page>();

/** The page record behind a collection item, for Plinth's own code. */
export function pageOfItem(item: unknown): Page | undefined {
  return typeof item === "object" && item !== null ? owners.get(item) : undefined;
}

/**
 * Items are plain objects with their own getters, not class instances: liquidjs reads only
 * own properties, and the getters keep `url` and `templateContent` live as the build proceeds.
 */
export function createCollectionItem(owner: Page): CollectionItem {
  const content = (): string => {
    if (owner.content === undefined) {
      throw new PlinthError("TemplateContentTooEarly", `The content of ${owner.page.inputPath} was used before it was rendered.`, {
        location: { file: owner.page.inputPath },
      });
    }
    return owner.content;
  };
  const item = {};
  const get = (fn: () => unknown) => ({ get: fn, enumerable: true });
  Object.defineProperties(item, {
    inputPath: get(() => owner.page.inputPath),
    fileSlug: get(() => owner.page.fileSlug),
    filePathStem: get(() => owner.page.filePathStem),
    outputPath: get(() => owner.page.outputPath),
    url: get(() => owner.page.url),
    date: get(() => owner.page.date),
    data: get(() => owner.data),
    page: get(() => owner.page),
    rawInput: get(() => owner.template.source.frontMatter.body),
    groupNumber: get(() => owner.pageNumber),
    templateContent: { get: content, enumerable: false },
    content: { get: content, enumerable: false },
  });
  owners.set(item, owner);
  return item as CollectionItem;
}
