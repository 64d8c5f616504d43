import { errorCatalog, type ErrorName } from "./catalog.js";
import { codeFrame } from "./code-frame.js";
import type { SourceLocation } from "./source-location.js";

export interface PlinthErrorOptions {
  location?: SourceLocation;
  /** The file's text, used to print a code frame around the location. */
  source?: string;
  /** Replaces the catalog's hint when the situation allows a more precise one. */
  hint?: string;
  cause?: unknown;
}

/** A user-facing error from the catalog: a permanent name, a message, a hint, a location and a code frame. */
export class PlinthError extends Error {
  readonly code: ErrorName;
  readonly title: string;
  readonly hint: string;
  readonly location?: SourceLocation;
  readonly frame?: string;

  constructor(code: ErrorName, message: string, options: PlinthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PlinthError";
    this.code = code;
    this.title = errorCatalog[code].title;
    this.hint = options.hint ?? errorCatalog[code].hint;
    this.location = options.location;
    if (options.source !== undefined && options.location?.line) {
      this.frame = codeFrame(options.source, options.location.line, options.location.column) || undefined;
    }
  }
}

export function isPlinthError(value: unknown): value is PlinthError {
  return value instanceof PlinthError;
}

/** Several errors from one build, reported together. */
export class BuildFailure extends Error {
  readonly errors: PlinthError[];
  constructor(errors: PlinthError[]) {
    super(`${errors.length} error${errors.length === 1 ? "" : "s"} in the build`);
    this.name = "BuildFailure";
    this.errors = errors;
  }
}
