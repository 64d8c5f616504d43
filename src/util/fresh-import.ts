/**
 * Imports a user's module (config, data file, JavaScript template) so that an edited file is
 * read again on the next build: ES modules get a new URL, and CommonJS modules, which Node
 * caches by file name whatever the URL, are dropped from the require cache first.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

export async function freshImport(file: string, version: number): Promise<Record<string, unknown>> {
  delete require.cache[file];
  const url = pathToFileURL(file).href + (version > 1 ? `?v=${version}` : "");
  return (await import(url)) as Record<string, unknown>;
}
