/**
 * The messages between the main thread and its render threads, and how a catalogued error
 * crosses between them: errors are class instances, which a structured clone would flatten
 * into plain objects, so they go over as their fields and are made again on the other side
 * with the same name, message, location, code frame, hint and cause lines.
 */
import type { ErrorName } from "../../errors/catalog.js";
import { PlinthError } from "../../errors/plinth-error.js";
import type { SourceLocation } from "../../errors/source-location.js";
import { contentHash } from "../../util/content-hash.js";
import type { RunMode } from "../eleventy-globals.js";
import { itemKey, type Page } from "../page-model.js";

/** What a render thread needs to load the site as the main thread did; functions cannot cross. */
export interface WorkerSetup {
  cwd: string;
  configPath?: string;
  input?: string;
  output?: string;
  pathPrefix?: string;
  formats?: string;
  dryRun?: boolean;
  runMode?: RunMode;
}

export interface WireError {
  code: ErrorName;
  message: string;
  hint: string;
  location?: SourceLocation;
  frame?: string;
  /** The cause chain, outermost first, as `name` and `message` (the report prints their first lines). */
  causes: { name?: string; message: string }[];
}

/** One page a render thread finished: its content (other pages may show it) and, when laid out, its output. */
export interface PageResult {
  /** The page's index in the build's page list, which both threads make the same. */
  index: number;
  content?: string;
  /** Present when the page went through its layouts and transforms (it is handed to the writer). */
  output?: string;
  laidOut: boolean;
  skipsWrite?: boolean;
}

/** A batch of pages to render, by their index in the page list. The main thread ends a thread by terminating it. */
export type ToWorker = { type: "render"; batch: number; indices: number[] };

export type FromWorker =
  /** The site is loaded and its pages made; `fingerprint` names them, in order, so the main thread can check both lists agree. */
  | { type: "ready"; fingerprint: string }
  /** The site did not load or its pages could not be made here: the main thread renders without this thread. */
  | { type: "unusable"; reason: string }
  | {
      type: "done";
      batch: number;
      results: PageResult[];
      /** Pages that wait for content rendered elsewhere: the main thread renders them at the end. */
      deferred: number[];
      errors: WireError[];
      /** html-relative passthrough copies the batch's pages asked for, as [target, source]. */
      copies: [string, string][];
    };

/** Global data as JSON, functions left out; a value JSON cannot write (a cycle, a BigInt) is named by its failure. */
function dataStamp(data: unknown): string {
  try {
    return JSON.stringify(data) ?? "";
  } catch (error) {
    return `unstamped: ${(error as Error).message}`;
  }
}

/**
 * Names a build's pages in order and its global data: a render thread that made another list,
 * or loaded other data (a data file that gives the time of the build), is not used.
 */
export function siteFingerprint(pages: readonly Page[], globalData: unknown): string {
  return contentHash(`${dataStamp(globalData)}\n${pages.map((page) => `${itemKey(page)}\0${page.outputRelative}`).join("\n")}`);
}

export function toWire(error: PlinthError): WireError {
  const causes: WireError["causes"] = [];
  let current: unknown = error.cause;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    causes.push(current instanceof Error ? { name: current.name, message: current.message } : { message: String(current) });
    current = current instanceof Error ? current.cause : undefined;
  }
  return { code: error.code, message: error.message, hint: error.hint, location: error.location, frame: error.frame, causes };
}

/** The cause chain again; a cause that was no Error (a thrown string) comes back as its text. */
function causeOf(causes: WireError["causes"]): unknown {
  let cause: unknown;
  for (const { name, message } of [...causes].reverse()) {
    if (name === undefined) {
      cause = message;
      continue;
    }
    const next: Error = new Error(message, cause === undefined ? undefined : { cause });
    next.name = name;
    cause = next;
  }
  return cause;
}

export function fromWire(wire: WireError): PlinthError {
  const error = new PlinthError(wire.code, wire.message, { location: wire.location, hint: wire.hint, cause: causeOf(wire.causes) });
  // The code frame was made where the source was at hand.
  if (wire.frame !== undefined) Object.defineProperty(error, "frame", { value: wire.frame, enumerable: true, configurable: true });
  return error;
}
