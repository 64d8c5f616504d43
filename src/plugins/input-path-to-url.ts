/**
 * Links by input path: the `inputPathToUrl` filter Eleventy 3 gives every site
 * (`{{ "./about.md" | inputPathToUrl }}` gives `/about/`), and its opt-in transform plugin
 * (`@11ty/eleventy/inputpath-to-url-plugin`) that rewrites such paths inside HTML `href`s and
 * `src`s. Both read the build's content map, which the engine announces with the
 * `eleventy.contentMap` event once every page has its URL.
 */
import path from "node:path";
import type { UserConfig } from "../config/user-config.js";
import { isFullUrl } from "../filters/url-filter.js";

/** Input path (`./posts/a.md`) to the URLs of its pages. */
export type InputPathToUrlMap = Record<string, Array<string | false>>;

/** Eleventy's `TemplatePath.join`: a POSIX join without the trailing slash. */
function joinPath(...parts: string[]): string {
  const joined = path.posix.join(...parts);
  return joined !== "/" && joined.endsWith("/") ? joined.slice(0, -1) : joined;
}

function withLeadingDotSlash(file: string): string {
  if (file === "." || file === "..") return `${file}/`;
  return path.posix.isAbsolute(file) || file.startsWith("./") || file.startsWith("../") ? file : `./${file}`;
}

/** The key under which `candidate` appears in the content map, if it does. */
function knownPath(contentMap: InputPathToUrlMap, candidate: string): string | undefined {
  // Markdown may percent-encode the path of a link.
  let decoded = candidate;
  try {
    decoded = decodeURIComponent(candidate);
  } catch {
    // Keep it as written: a stray `%` is not an encoding.
  }
  const key = withLeadingDotSlash(decoded);
  return contentMap[key] ? key : undefined;
}

/**
 * Finds the input path a link names: as written when it already starts with the input folder,
 * then relative to the input folder, then relative to the linking page. Anything else is
 * returned unchanged (it may be a URL already).
 */
export function resolveInputPath(target: string, inputDir: string, fromInputPath: string, contentMap: InputPathToUrlMap): string {
  if (joinPath(target).startsWith(joinPath(inputDir))) {
    const asWritten = knownPath(contentMap, target);
    if (asWritten) return asWritten;
  }
  const inInput = knownPath(contentMap, joinPath(inputDir, target));
  if (inInput) return inInput;
  if (target && !path.isAbsolute(target)) {
    const fromDir = path.posix.parse(fromInputPath).dir || ".";
    const besidePage = knownPath(contentMap, joinPath(fromDir, target));
    if (besidePage) return besidePage;
  }
  return target;
}

/** Splits `./a.md?x#y` into the suffix to keep (`?x#y`) and the path (`./a.md`). */
export function splitSuffix(target: string): [suffix: string, file: string] {
  if (target.startsWith("#") || target.startsWith("?")) return [target, ""];
  try {
    const parsed = new URL(`file:${target}`);
    return [parsed.search + parsed.hash, target.replace(parsed.search, "").replace(parsed.hash, "")];
  } catch {
    return ["", target];
  }
}

/** The first URL of the input path `target` links to, plus its query and fragment; undefined when unknown. */
export function lookUpUrl(target: string, inputDir: string, fromInputPath: string, contentMap: InputPathToUrlMap): { file: string; suffix: string; url?: string | false } {
  let [suffix, file] = splitSuffix(target);
  if (file) file = resolveInputPath(file, inputDir, fromInputPath, contentMap);
  const urls = contentMap[file];
  return { file, suffix, url: urls && urls.length > 0 ? urls[0] : undefined };
}

interface PageThis {
  page?: { inputPath?: unknown };
}

function trackContentMap(eleventyConfig: UserConfig): () => InputPathToUrlMap {
  // The event is kept and read only when the filter is used: Plinth's event computes its maps on first read.
  let event: { inputPathToUrl: InputPathToUrlMap } | undefined;
  const listener = (arg: unknown): void => {
    event = arg as { inputPathToUrl: InputPathToUrlMap };
  };
  eleventyConfig.on("eleventy.contentMap", listener);
  eleventyConfig.buildLocalListeners.add(listener);
  return () => {
    if (!event) throw new Error("The content map is not ready yet: inputPathToUrl can only be used while pages render.");
    return event.inputPathToUrl;
  };
}

/** Registers the `inputPathToUrl` filter; a path that names no template is an error. */
export function inputPathToUrlFilterPlugin(eleventyConfig: UserConfig): void {
  const contentMap = trackContentMap(eleventyConfig);
  eleventyConfig.addFilter("inputPathToUrl", function (this: unknown, target: unknown) {
    const map = contentMap();
    const text = String(target);
    if (isFullUrl(text)) return text;
    const from = String((this as PageThis).page?.inputPath ?? "");
    const found = lookUpUrl(text, eleventyConfig.directories.input ?? "./", from, map);
    if (found.url === undefined) throw new Error(`\`inputPathToUrl\` filter could not find a matching target for ${found.file}`);
    return `${String(found.url)}${found.suffix}`;
  });
}

/** The opt-in transform: rewrites input paths in HTML URL attributes; unknown paths are left as they are. */
export function inputPathToUrlTransformPlugin(eleventyConfig: UserConfig, options: { extensions?: string } = {}): void {
  const contentMap = trackContentMap(eleventyConfig);
  eleventyConfig.htmlTransformer.addUrlTransform(options.extensions ?? "html", function (this: unknown, target: unknown) {
    const map = contentMap();
    const text = String(target);
    if (isFullUrl(text)) return text;
    const from = String((this as PageThis).page?.inputPath ?? "");
    const found = lookUpUrl(text, eleventyConfig.directories.input ?? "./", from, map);
    return found.url === undefined || !found.file ? `${found.file}${found.suffix}` : `${String(found.url)}${found.suffix}`;
  });
}
