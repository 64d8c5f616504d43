/**
 * Phase 2, read: a template file's text, split into front matter and body, read once
 * and kept for the build (and, later, for incremental rebuilds).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { parseFrontMatter, type FrontMatter, type FrontMatterOptions } from "./front-matter.js";
import type { JavaScriptTemplate } from "./javascript-template.js";
import { toPosix } from "./project-paths.js";

export interface TemplateSource {
  /** Absolute path; for a virtual template, a path inside the input folder that need not exist. */
  file: string;
  /** `./news/post.md`: relative to the working directory, as templates see it. */
  inputPath: string;
  /** Relative to the input folder, posix. */
  relativePath: string;
  /** Template extension without dot: `md`, `njk`, `liquid`, `html`. */
  extension: string;
  text: string;
  frontMatter: FrontMatter;
  virtual: boolean;
  /** For JavaScript templates: the loaded module's data and render function. */
  javascript?: JavaScriptTemplate;
}

/**
 * Text that stands in for template files, by absolute path: the studio's unsaved edits, so
 * its preview renders them with the same incremental build as the files on disk. A path with
 * no file yet (a new entry) is a template too. Read at each build; the owner changes it and
 * asks for an update of the paths it changed.
 */
export type SourceOverlay = ReadonlyMap<string, string>;

export function sourceFromText(file: string, inputDir: string, inputPath: string, extension: string, text: string, virtual = false, options?: FrontMatterOptions): TemplateSource {
  return {
    file,
    inputPath,
    relativePath: toPosix(path.relative(inputDir, file)),
    extension,
    text,
    frontMatter: parseFrontMatter(text, inputPath, options),
    virtual,
  };
}

export function readTemplateSource(file: string, inputDir: string, inputPath: string, extension: string, options?: FrontMatterOptions): TemplateSource {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new PlinthError("FileUnreadable", `${inputPath} could not be read: ${(cause as Error).message}`, {
      location: { file: inputPath },
      cause,
    });
  }
  return sourceFromText(file, inputDir, inputPath, extension, text, false, options);
}
