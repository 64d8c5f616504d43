/** How the phases of a build collect their errors: each phase gathers all it finds, then stops the build. */
import { BuildFailure, PlinthError, isPlinthError } from "../errors/plinth-error.js";

export function asPlinthError(error: unknown, file: string): PlinthError {
  if (isPlinthError(error)) return error;
  return new PlinthError("TemplateRender", `${file}: ${(error as Error).message ?? String(error)}`, { location: { file }, cause: error });
}

export function fail(errors: PlinthError[]): void {
  if (errors.length) throw new BuildFailure(errors);
}
