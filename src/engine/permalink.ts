/**
 * Turns a page's permalink (or the default) into its output file and its URL, following Eleventy:
 * a trailing `/` means `index.html`; `/index.html` URLs end in `/`; pagination pages after the
 * first go in a numbered subfolder unless the template sets its own permalink.
 */
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";

export interface OutputLocation {
  /** Output path relative to the output folder, posix, no leading slash; false when not written. */
  relative: string | false;
  url: string | false;
}

export function normalizeUrl(url: string): string {
  for (const suffix of ["/index.html", "/index/", "/index"]) {
    if (url.endsWith(suffix)) return `${url.slice(0, -suffix.length)}/`;
  }
  return url;
}

/** `link` is the rendered permalink string (or the default path); `extraSubdir` is e.g. `2`. */
export function locationFromLink(link: string, extraSubdir: string, inputPath: string): OutputLocation {
  const withIndex = link.endsWith("/") ? `${link}index.html` : link;
  const parsed = path.posix.parse(withIndex);
  const joined = path.posix.join(parsed.dir, extraSubdir, parsed.base);
  const relative = joined.replace(/^\/+/, "");
  if (relative === "" || relative === "." || relative.split("/").includes("..")) {
    throw new PlinthError("PermalinkInvalid", `The permalink "${link}" would write outside the output folder.`, {
      location: { file: inputPath },
    });
  }
  const url = normalizeUrl(`/${relative}`);
  return { relative, url };
}

/** Checks a rendered permalink value and returns the link string, or false for no output. */
export function permalinkValue(value: unknown, inputPath: string): string | false | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (value === false) return false;
  if (value === true) {
    throw new PlinthError("PermalinkInvalid", "`permalink: true` is not supported.", {
      location: { file: inputPath },
      hint: "Did you mean `permalink: false`, which renders the page without writing it?",
    });
  }
  if (typeof value === "object" && !Array.isArray(value)) {
    const build = (value as Record<string, unknown>).build;
    if (build === undefined) return Object.keys(value).length === 0 ? undefined : false;
    return permalinkValue(build, inputPath);
  }
  if (typeof value !== "string") {
    throw new PlinthError("PermalinkInvalid", `The permalink must be a string or false, not ${typeof value}.`, {
      location: { file: inputPath },
    });
  }
  return value;
}
