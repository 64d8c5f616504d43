/**
 * `addPassthroughCopy(glob, { mode: "html-relative" })`, as Eleventy 3's HtmlRelativeCopyPlugin
 * does it: a URL transform on HTML outputs finds each relative URL, and when the file it names
 * (beside the page's input file) matches the globs, that file is copied to the same place
 * relative to the page's output file. The copies are collected while pages render and written
 * with the build's other copies.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { UserConfig } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";

export interface HtmlRelativeCopyEntry {
  /** Globs relative to the working directory, matched against the referenced file. */
  match: string | string[];
  /** Output extensions whose URLs are read. Default `html`. */
  extensions?: string;
  /** Folders to look in when the file is not beside the page. */
  paths?: string[];
  /** Fail when a matching file does not exist. Default true. */
  failOnError?: boolean;
}

/** A file to copy: `source` relative to the working directory, `target` relative to the output folder. */
export interface RenderedCopy {
  source: string;
  target: string;
}

interface TransformContext {
  page?: { inputPath?: unknown; outputPath?: unknown };
}

function isUrl(ref: string): boolean {
  try {
    new URL(ref);
    return true;
  } catch {
    return false;
  }
}

/** Eleventy's TemplatePath.join: posix, normalised, no leading `./`. */
function join(...parts: string[]): string {
  return path.posix.normalize(path.posix.join(...parts)).replace(/^\.\//, "");
}

function dirOf(filePath: string): string {
  return path.posix.dirname(filePath.replace(/\\/g, "/"));
}

function addEntry(config: UserConfig, entry: HtmlRelativeCopyEntry): void {
  const cwd = (): string => config.workingDirectory;
  const globs = (Array.isArray(entry.match) ? entry.match : [entry.match]).filter(Boolean);
  const matches = (file: string): boolean => globs.length > 0 && picomatch.isMatch(file.replace(/^\.\//, ""), globs, { dot: true, nocase: true });
  const exists = (file: string): boolean => existsSync(path.resolve(cwd(), file));
  const aliases = (entry.paths ?? []).map((p) => p.replace(/\/+$/, ""));
  config.htmlTransformer.addUrlTransform(
    entry.extensions ?? "html",
    function (this: unknown, ref: unknown): unknown {
      const page = (this as TransformContext).page;
      if (typeof ref !== "string" || ref === "" || path.isAbsolute(ref) || isUrl(ref)) return ref;
      if (typeof page?.inputPath !== "string" || typeof page.outputPath !== "string") return ref;
      let source = join(dirOf(page.inputPath), ref);
      if (!matches(source)) return ref;
      if (!exists(source)) {
        const alias = aliases.map((dir) => join(dir, ref)).find((file) => matches(file) && exists(file));
        if (!alias) {
          if (entry.failOnError === false) return ref;
          throw new PlinthError("PassthroughMissing", `${page.inputPath} links to ${ref}, which an html-relative passthrough copy matches, but ${source} does not exist.`, {
            location: { file: page.inputPath },
            hint: "Fix the link, add the file, or pass `failOnError: false` (or `paths`) in the addPassthroughCopy options.",
          });
        }
        source = alias;
      }
      const output = join(config.directories.output ?? "_site");
      const target = path.posix.relative(output, join(dirOf(page.outputPath), ref));
      if (target.startsWith("../") || target === "..") {
        throw new PlinthError("PermalinkInvalid", `${page.inputPath} links to ${ref}, which would be copied outside the output folder.`, { location: { file: page.inputPath } });
      }
      const earlier = config.renderedCopies.get(target);
      if (earlier && earlier.source !== source) {
        throw new PlinthError("DuplicateOutput", `${earlier.source} and ${source} would both be copied to ${target} (html-relative passthrough copy).`, { location: { file: page.inputPath } });
      }
      config.renderedCopies.set(target, { source, target });
      return ref;
    },
    // As Eleventy: after other URL transforms, before the HTML <base> plugin's.
    { priority: -1, enabled: () => globs.length > 0 },
  );
}

/** Eleventy queues this plugin in its default config: it reads the entries the site's config added. */
export function htmlRelativeCopyPlugin(config: UserConfig): void {
  for (const entry of config.htmlRelativeCopies) addEntry(config, entry);
}
