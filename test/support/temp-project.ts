// A throwaway project folder for unit tests of the engine's file-system phases: the files
// given, and the ProjectPaths the engine derives for the default folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProjectPaths } from "../../src/engine/project-paths.js";

export interface TempProject {
  cwd: string;
  paths: ProjectPaths;
  /** Absolute path of a file in the project. */
  abs: (relative: string) => string;
  done: () => void;
}

/** `files` maps project-relative paths to their text; `input` is the input folder. */
export function tempProject(prefix: string, files: Record<string, string>, input = "."): TempProject {
  const cwd = mkdtempSync(path.join(os.tmpdir(), `plinth-${prefix}-`));
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(cwd, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const inputDir = path.resolve(cwd, input);
  const paths: ProjectPaths = {
    cwd,
    input: inputDir,
    output: path.join(cwd, "_site"),
    includes: path.join(inputDir, "_includes"),
    layouts: path.join(inputDir, "_includes"),
    data: path.join(inputDir, "_data"),
  };
  return { cwd, paths, abs: (relative) => path.join(cwd, relative), done: () => rmSync(cwd, { recursive: true, force: true }) };
}
