/**
 * Loads a CommonJS dependency on first use instead of at start-up. Plinth's start-up time is
 * part of every build (a 1,000-page site should take half a second in all), so libraries that
 * many sites never need (PostHTML, luxon, liquidjs) are not loaded until a site needs them.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
