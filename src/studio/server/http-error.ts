/**
 * The studio API's errors: a catalogued PlinthError with the HTTP status it is answered with,
 * and its JSON shape `{ error: { code, message, hint, file?, line?, column? } }`.
 */
import type { ErrorName } from "../../errors/catalog.js";
import { PlinthError, isPlinthError, type PlinthErrorOptions } from "../../errors/plinth-error.js";

export interface ApiErrorJson {
  code: string;
  message: string;
  hint: string;
  file?: string;
  line?: number;
  column?: number;
}

export class StudioHttpError extends PlinthError {
  constructor(
    readonly status: number,
    code: ErrorName,
    message: string,
    options: PlinthErrorOptions & {
      /** More top-level fields of the JSON answer, e.g. `current` for a 409. */
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(code, message, options);
    this.extra = options.extra;
  }
  readonly extra?: Record<string, unknown>;
}

export function badRequest(message: string, hint?: string): StudioHttpError {
  return new StudioHttpError(400, "StudioBadRequest", message, { hint });
}

export function notFound(message: string): StudioHttpError {
  return new StudioHttpError(404, "StudioNotFound", message);
}

/** The JSON `error` member of an answer, for any catalogued error. */
export function errorJson(error: PlinthError): ApiErrorJson {
  const out: ApiErrorJson = { code: error.code, message: error.message, hint: error.hint };
  if (error.location) {
    out.file = error.location.file;
    if (error.location.line) out.line = error.location.line;
    if (error.location.column) out.column = error.location.column;
  }
  return out;
}

/** Status and body for anything a handler threw; unexpected errors become a 500 (their stack goes to the terminal). */
export function errorReply(error: unknown): { status: number; body: Record<string, unknown>; unexpected: boolean } {
  if (error instanceof StudioHttpError) return { status: error.status, body: { ...error.extra, error: errorJson(error) }, unexpected: false };
  if (isPlinthError(error)) return { status: 422, body: { error: errorJson(error) }, unexpected: false };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: errorJson(new PlinthError("StudioInternal", message)) }, unexpected: true };
}
