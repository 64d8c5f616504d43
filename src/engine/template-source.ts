/**
 * Phase 2, read: a template file's text, split into front matter and body, read once
 * and kept for the build (and, later, for incremental rebuilds).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { parseFrontMatter, type FrontMatter, type FrontMatterOptions } from "./front-matter.js";
import type { JavaScriptTemplate } from "./javascript-template.js";
import { lazyProperty } from "../util/lazy-property.js";
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

function readText(file: string, inputPath: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (cause) {
    throw new PlinthError("FileUnreadable", `${inputPath} could not be read: ${(cause as Error).message}`, {
      location: { file: inputPath },
      cause,
    });
  }
}

export function readTemplateSource(file: string, inputDir: string, inputPath: string, extension: string, options?: FrontMatterOptions): TemplateSource {
  return sourceFromText(file, inputDir, inputPath, extension, readText(file, inputPath), false, options);
}

/**
 * A template file's front matter as an earlier build parsed it, the file unchanged since: its
 * body is the file's text from `bodyOffset` on (front matter parsing only cuts the text's head).
 */
export interface RecalledParse {
  data: Record<string, unknown>;
  bodyOffset: number;
  bodyLine: number;
  /** Where the raw front matter starts in the text, and its length. */
  matterAt: [number, number];
  excerpt?: string;
}

/**
 * What the build cache keeps of template files from one process to the next
 * (src/cache/source-memory.ts), so a build after a small change parses only the changed files.
 */
export interface ParsedSourceMemory {
  /** The file's parse from the last build, when the file has not changed since. */
  recall(file: string): RecalledParse | undefined;
  /** A source this build read from its file alone (no JavaScript, no language's extra data), to remember. */
  note(source: TemplateSource): void;
  /** Every template has been read: what to remember is taken now, before the data phase can touch it. */
  seal(): void;
}

/** Recalled sources, with their parse: their text is read from the file only if something asks for it. */
const recalledParses = new WeakMap<TemplateSource, RecalledParse>();

/**
 * A source made from an earlier parse of the same file: no read, no YAML. A build that renders
 * a few pages of many never asks for the others' text or body.
 */
export function recalledSource(file: string, inputDir: string, inputPath: string, extension: string, recalled: RecalledParse): TemplateSource {
  let text: string | undefined;
  const fileText = (): string => (text ??= readText(file, inputPath));
  // Placeholders first, so the keys keep the order a parse gives them.
  const frontMatter: FrontMatter = { data: recalled.data, body: "", bodyLine: recalled.bodyLine, matter: "" };
  if (recalled.excerpt !== undefined) frontMatter.excerpt = recalled.excerpt;
  lazyProperty(frontMatter, "body", () => fileText().slice(recalled.bodyOffset));
  const [matterStart, matterLength] = recalled.matterAt;
  lazyProperty(frontMatter, "matter", () => fileText().slice(matterStart, matterStart + matterLength));
  const source: TemplateSource = { file, inputPath, relativePath: toPosix(path.relative(inputDir, file)), extension, text: "", frontMatter, virtual: false };
  lazyProperty(source, "text", fileText);
  recalledParses.set(source, recalled);
  return source;
}

/**
 * The parse to remember of a source read from its file, or undefined when its body is not the
 * tail of its text or its front matter does not follow the opening line (an excerpt moved text).
 */
export function parseToRemember(source: TemplateSource): RecalledParse | undefined {
  const recalled = recalledParses.get(source);
  if (recalled) return { ...recalled, data: source.frontMatter.data };
  const { text, frontMatter } = source;
  const matterStart = frontMatter.matter === "" ? 0 : text.indexOf("\n") + 1;
  if (!text.endsWith(frontMatter.body) || !text.startsWith(frontMatter.matter, matterStart)) return undefined;
  const parse: RecalledParse = { data: frontMatter.data, bodyOffset: text.length - frontMatter.body.length, bodyLine: frontMatter.bodyLine, matterAt: [matterStart, frontMatter.matter.length] };
  if (frontMatter.excerpt !== undefined) parse.excerpt = frontMatter.excerpt;
  return parse;
}

/** The text a build read of a source, or undefined when it was recalled (the build used an earlier parse of the file). */
export function textAsRead(source: TemplateSource): string | undefined {
  return recalledParses.has(source) ? undefined : source.text;
}
