/**
 * Pagination: splits the data named by `pagination.data` (an array, an object's keys or values,
 * or a collection) into chunks of `size`, one page each, with Eleventy's `pagination` object.
 */
import type { UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { isPlainObject, type DataObject } from "./data-merge.js";

export interface PaginationSpec {
  data: string;
  size: number;
  alias?: string;
  reverse?: boolean;
  resolve?: string;
  filter?: unknown;
  before?: UserFunction;
  generatePageOnEmptyData?: boolean;
  addAllPagesToCollections?: boolean;
}

export function paginationSpec(data: DataObject, inputPath: string): PaginationSpec | undefined {
  const p = data.pagination;
  if (p === undefined || p === null) return undefined;
  if (!isPlainObject(p) || typeof p.data !== "string") {
    throw new PlinthError("PaginationInvalid", "`pagination` must be an object with a `data` key naming the data to paginate.", {
      location: { file: inputPath },
      hint: "For example `pagination: { data: collections.news, size: 10 }`. In YAML, indent with spaces, not tabs.",
    });
  }
  if (!("size" in p)) {
    throw new PlinthError("PaginationInvalid", "`pagination.size` is missing.", { location: { file: inputPath }, hint: "Add `size: 1` (or how many items each page shows)." });
  }
  return p as unknown as PaginationSpec;
}

/** Does the pagination read collections (so it must wait until they are built)? */
export function paginatesCollections(spec: PaginationSpec): boolean {
  return spec.data === "collections" || spec.data.startsWith("collections.");
}

function getPath(data: DataObject, dotted: string): unknown {
  let node: unknown = data;
  for (const key of dotted.split(".")) {
    if (node === null || node === undefined) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isFiltered(filter: unknown, value: unknown): boolean {
  return Array.isArray(filter) ? filter.includes(value) : filter === value;
}

export interface PaginationChunk {
  items: unknown[];
}

export function paginationItems(spec: PaginationSpec, data: DataObject, inputPath: string, javascriptFunctions: object): unknown[][] {
  const target = getPath(data, spec.data);
  let list: unknown[];
  if (Array.isArray(target)) list = target.slice();
  else if (isPlainObject(target)) list = spec.resolve === "values" ? Object.values(target) : Object.keys(target);
  else if (target === undefined) {
    throw new PlinthError("PaginationInvalid", `The pagination data "${spec.data}" was not found.`, {
      location: { file: inputPath },
    });
  } else {
    throw new PlinthError("PaginationInvalid", `The pagination data "${spec.data}" is ${typeof target}, not an array or an object.`, {
      location: { file: inputPath },
    });
  }
  if (typeof spec.before === "function") list = spec.before.call(javascriptFunctions, list, data) as unknown[];
  if (spec.reverse === true) list.reverse();
  if (spec.filter !== undefined && spec.filter !== null && spec.filter !== false) list = list.filter((v) => !isFiltered(spec.filter, v));
  const size = Math.max(1, Number(spec.size) || 1);
  const chunks: unknown[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  if (chunks.length === 0 && spec.generatePageOnEmptyData) chunks.push([]);
  return chunks;
}

function normalized(chunk: unknown[] | undefined, size: number): unknown {
  if (!chunk) return null;
  return size === 1 ? chunk[0] : chunk;
}

/** The `pagination` object of page `n`, before its links are known. */
export function paginationObject(spec: PaginationSpec, chunks: unknown[][], n: number): DataObject {
  const size = Number(spec.size) || 1;
  return {
    data: spec.data,
    size: spec.size,
    alias: spec.alias,
    pages: size === 1 ? chunks.map((c) => c[0]) : chunks,
    items: chunks[n],
    pageNumber: n,
    page: {
      previous: n > 0 ? normalized(chunks[n - 1], size) : null,
      next: n < chunks.length - 1 ? normalized(chunks[n + 1], size) : null,
      first: chunks.length ? normalized(chunks[0], size) : null,
      last: chunks.length ? normalized(chunks[chunks.length - 1], size) : null,
    },
  };
}

/** Adds the links between pages once every page's URL is known. */
export function addPaginationLinks(pagination: DataObject, n: number, hrefs: (string | false)[], links: string[]): void {
  const count = hrefs.length;
  Object.assign(pagination, {
    previousPageLink: n > 0 ? links[n - 1] ?? null : null,
    nextPageLink: n < count - 1 ? links[n + 1] ?? null : null,
    firstPageLink: links.length ? links[0] : null,
    lastPageLink: links.length ? links[links.length - 1] : null,
    links,
    pageLinks: links,
    previousPageHref: n > 0 ? hrefs[n - 1] : null,
    nextPageHref: n < count - 1 ? hrefs[n + 1] : null,
    firstPageHref: count ? hrefs[0] : null,
    lastPageHref: count ? hrefs[count - 1] : null,
    hrefs,
  });
  pagination.previous = pagination.previousPageLink;
  pagination.next = pagination.nextPageLink;
  pagination.href = {
    previous: pagination.previousPageHref,
    next: pagination.nextPageHref,
    first: pagination.firstPageHref,
    last: pagination.lastPageHref,
  };
}

export function setAlias(data: DataObject, alias: string, value: unknown): void {
  const keys = alias.split(".");
  let node = data;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = node[key] = isPlainObject(next) ? { ...next } : {};
  }
  node[keys[keys.length - 1]!] = value;
}
