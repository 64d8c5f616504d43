/**
 * The build's central records. A Template is one source file with its cascaded data;
 * a Page is one output of it (a paginated template has several). Collection items are
 * views of pages, shared by reference across every collection that holds them.
 */
import { PlinthError } from "../errors/plinth-error.js";
import { contentHash } from "../util/content-hash.js";
import { releasedContent } from "./content-release.js";
import { currentRecord, recordDataObjectRead, recordItemRead } from "./render-tracking.js";
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
  excerpt?: string;
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
  /** Rendered to nothing by a custom language (addExtension): in collections, but not written. */
  skipsWrite?: boolean;
  item: CollectionItem;
  /** Cached identity across builds, see itemKey. */
  key?: string;
  /** Cached: which collections the page joins (its data never changes once made). */
  membership?: CollectionMembership;
}

export interface CollectionMembership {
  /** In `collections.all` (and so eligible for tag collections). */
  joins: boolean;
  /** The tag collections it joins. */
  tags: string[];
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

/** The page behind an item, in a symbol-keyed slot: no template sees it, and the accessors below reach it from `this`. */
const OWNER = Symbol("plinth.page");

interface OwnedItem {
  [OWNER]: Page;
}

/** A page's identity across builds: its input path and its place in a pagination. */
export function itemKey(page: Page): string {
  return (page.key ??= `${page.page.inputPath}#${page.pageNumber}`);
}

function contentStamp(value: unknown): string {
  return typeof value === "string" ? contentHash(value) : String(value);
}

/** A view of another page's data that records which keys the rendering page reads. */
function trackedData(key: string, data: DataObject): DataObject {
  return new Proxy(data, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property === "string" && property !== "collections") recordItemRead(key, `data.${property}`, value);
      return value;
    },
  });
}

/** The page record behind a collection item, for Plinth's own code. */
export function pageOfItem(item: unknown): Page | undefined {
  return typeof item === "object" && item !== null ? (item as Partial<OwnedItem>)[OWNER] : undefined;
}

function contentOf(owner: Page): string {
  const content = owner.content ?? releasedContent(owner);
  if (content === undefined) {
    throw new PlinthError("TemplateContentTooEarly", `The content of ${owner.page.inputPath} was used before it was rendered.`, {
      location: { file: owner.page.inputPath },
    });
  }
  return content;
}

/** An accessor that, while a page renders under tracking, records the field it reads of another page. */
function tracked(field: string, read: (owner: Page) => unknown, enumerable = true): PropertyDescriptor {
  return {
    get(this: OwnedItem) {
      const owner = this[OWNER];
      const value = read(owner);
      if (currentRecord()) recordItemRead(itemKey(owner), field, field === "templateContent" ? contentStamp(value) : value);
      return value;
    },
    enumerable,
  };
}

/**
 * Every item gets the same accessors, in the same order: V8 then gives all items one shape
 * and keeps the accessors once, instead of a dozen closures per page.
 */
const itemProperties: PropertyDescriptorMap = {
  inputPath: {
    get(this: OwnedItem) {
      return this[OWNER].page.inputPath;
    },
    enumerable: true,
  },
  fileSlug: tracked("fileSlug", (owner) => owner.page.fileSlug),
  filePathStem: tracked("filePathStem", (owner) => owner.page.filePathStem),
  outputPath: tracked("outputPath", (owner) => owner.page.outputPath),
  url: tracked("url", (owner) => owner.page.url),
  date: tracked("date", (owner) => owner.page.date),
  data: {
    get(this: OwnedItem) {
      const owner = this[OWNER];
      if (!currentRecord()) return owner.data;
      recordDataObjectRead(itemKey(owner));
      return trackedData(itemKey(owner), owner.data);
    },
    enumerable: true,
  },
  page: tracked("page", (owner) => owner.page),
  rawInput: tracked("rawInput", (owner) => owner.template.source.frontMatter.body),
  groupNumber: {
    get(this: OwnedItem) {
      return this[OWNER].pageNumber;
    },
    enumerable: true,
  },
  templateContent: tracked("templateContent", contentOf, false),
  content: tracked("templateContent", contentOf, false),
};

/**
 * Items are plain objects with their own getters, not class instances: liquidjs reads only
 * own properties, and the getters keep `url` and `templateContent` live as the build proceeds.
 */
export function createCollectionItem(owner: Page): CollectionItem {
  const item = Object.defineProperty({}, OWNER, { value: owner, writable: true });
  return Object.defineProperties(item, itemProperties) as unknown as CollectionItem;
}

/**
 * A page re-made by an update takes over the collection item of the page it replaces (the
 * same key): every list, pagination chunk and alias kept from the last build that holds the
 * item then shows the new page, as a full build's fresh item would.
 */
export function adoptItem(page: Page, previous: Page): void {
  const item = previous.item as unknown as OwnedItem;
  item[OWNER] = page;
  page.item = previous.item;
}
