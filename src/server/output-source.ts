/**
 * Where the server reads a site's output from: the in-memory output of the dev server's
 * build, or a folder on disk, or the one and then the other. All take the output-relative
 * paths that `request-path.ts` has already checked; the disk source also refuses symlinks
 * that lead out of the folder.
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

/**
 * Serves a folder on disk; a path whose real location is outside the folder does not exist.
 * The folder may be given as a function when it can change between requests (a config edit).
 */
export function diskSource(root: string | (() => string)): OutputSource {
  const folder = typeof root === "string" ? () => root : root;
  return {
    read(relative) {
      try {
        const realRoot = realpathSync(folder());
        const real = realpathSync(path.join(folder(), ...relative.split("/")));
        if (!isInside(realRoot, real) || !statSync(real).isFile()) return undefined;
        return readFileSync(real);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The first source's file, else the second's unless `hidden` says that path must not come from
 * it. The dev server serves its in-memory build, then what else is in the output folder:
 * images that eleventy-img and other plugins write there themselves, as Eleventy's server
 * does, but not pages an earlier `plinth build` left there, which the build in memory replaces.
 */
export function layeredSource(first: OutputSource, second: OutputSource, hidden: (relative: string) => boolean): OutputSource {
  return {
    read(relative) {
      const found = first.read(relative);
      if (found !== undefined || hidden(relative)) return found;
      return second.read(relative);
    },
  };
}
