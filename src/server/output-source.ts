/**
 * Where the server reads a site's output from: the in-memory output of the dev server's
 * build, or a folder on disk. Both take the output-relative paths that `request-path.ts`
 * has already checked; the disk source also refuses symlinks that lead out of the folder.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { isInside } from "../engine/project-paths.js";

export interface OutputSource {
  /** The content of an output file, or undefined when there is none (directories included). */
  read(relative: string): string | Buffer | undefined;
}

/** Serves the files a MemoryWriter holds, as they are at each request. */
export function memorySource(files: ReadonlyMap<string, string | Buffer>): OutputSource {
  return { read: (relative) => files.get(relative) };
}

/** Serves a folder on disk; a path whose real location is outside the folder does not exist. */
export function diskSource(root: string): OutputSource {
  return {
    read(relative) {
      try {
        const realRoot = realpathSync(root);
        const real = realpathSync(path.join(root, ...relative.split("/")));
        if (!isInside(realRoot, real) || !statSync(real).isFile()) return undefined;
        return readFileSync(real);
      } catch {
        return undefined;
      }
    },
  };
}
