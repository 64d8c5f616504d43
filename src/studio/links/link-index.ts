/**
 * Which pages link to a URL, from the dev session's built output in memory: each HTML page's
 * `<a href>` and `<area href>` parsed with htmlparser2, resolved against the page's own URL,
 * with the path prefix, query and fragment taken off. Each page's links are parsed at most
 * once for a given HTML, and only for pages that can link to the URL asked about.
 */
import { Parser } from "htmlparser2";

export interface LinkingPage {
  /** The page's source file, relative to the input folder. */
  path: string;
  url: string;
  title?: string;
}

export interface BuiltPage {
  /** Output path relative to the output folder, posix (`news/a/index.html`). */
  output: string;
  url: string;
  /** Source file relative to the input folder. */
  path: string;
  title?: string;
}

/** A site-root URL in one spelling: no prefix, no `index.html`, no trailing slash (but `/`), decoded. */
export function normalizeUrl(url: string, pathPrefix: string): string {
  let pathname = url.replace(/[?#].*$/, "");
  try {
    pathname = decodeURI(pathname);
  } catch {
    // Not valid percent-encoding: compare it as written.
  }
  const prefix = pathPrefix.replace(/^\/?/, "/").replace(/\/?$/, "/");
  if (prefix !== "/" && (pathname.startsWith(prefix) || `${pathname}/` === prefix)) pathname = `/${pathname.slice(prefix.length)}`;
  pathname = pathname.replace(/\/index\.html?$/, "/").replace(/\/+$/, "");
  return pathname === "" ? "/" : pathname;
}

const BASE = "http://plinth.invalid";

/** The site URLs an HTML page links to, normalised; links to other sites are left out. */
export function linksIn(html: string, pageUrl: string, pathPrefix: string): Set<string> {
  const out = new Set<string>();
  let base = new URL(pageUrl, BASE);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "base" && attributes.href) {
          try {
            base = new URL(attributes.href, base);
          } catch {
            // A broken <base> is ignored, as browsers do.
          }
          return;
        }
        if ((name !== "a" && name !== "area") || attributes.href === undefined) return;
        const href = attributes.href.trim();
        if (href === "" || href.startsWith("#")) return;
        let target: URL;
        try {
          target = new URL(href, base);
        } catch {
          return;
        }
        if (target.origin !== BASE) return;
        out.add(normalizeUrl(target.pathname, pathPrefix));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

/** How a relative link that does not name its target starts: `./`, `../`, `.`, `..`. */
const DOT_RELATIVE = ['="./', '="../', '="."', '=".."', "='./", "='../", "='.'", "='..'", "=./", "=../"];

/** Whether the page may hold such a link (any attribute counts: a false alarm only costs a parse). */
function hasDotRelative(html: string): boolean {
  return DOT_RELATIVE.some((start) => html.includes(start));
}

interface PageLinks {
  html: string;
  /** A `<base>` element makes any relative link point anywhere. */
  base: boolean;
  dotRelative?: boolean;
  /** Parsed on first need. */
  links?: Set<string>;
}

/**
 * Answers which pages link to a URL without parsing every page of a large site. A link to
 * `/news/a-post/` names `a-post` in its href (root-relative, relative or absolute), except a
 * `./` or `../` link, which can only point to the page's own folder or one above it. So only
 * pages whose HTML holds that name, pages below the URL with such links, and pages with a
 * `<base>` are parsed, each at most once for a given HTML.
 */
export class LinkIndex {
  private readonly pages = new Map<string, PageLinks>();

  private entry(page: BuiltPage & { html: string }): PageLinks {
    let known = this.pages.get(page.output);
    // The same string (usually the very same object, kept between builds) means the same links.
    if (known?.html !== page.html) {
      known = { html: page.html, base: page.html.includes("<base") };
      this.pages.set(page.output, known);
    }
    return known;
  }

  /**
   * Pages linking to `url`, except those built from `exceptPath` (the entry itself), one per
   * source file, sorted by path.
   */
  pagesLinkingTo(url: string, pathPrefix: string, pages: Iterable<BuiltPage & { html: string }>, exceptPath?: string): LinkingPage[] {
    const target = normalizeUrl(url, pathPrefix);
    const segment = target.split("/").pop() ?? "";
    const needles = segment === "" ? [] : [...new Set([segment, encodeURI(segment), encodeURIComponent(segment)])];
    const out = new Map<string, LinkingPage>();
    const present = new Set<string>();
    for (const page of pages) {
      present.add(page.output);
      if (page.path === exceptPath || out.has(page.path)) continue;
      const known = this.entry(page);
      if (needles.length > 0 && !known.base && !needles.some((needle) => page.html.includes(needle))) {
        const below = normalizeUrl(page.url, "/").startsWith(target === "/" ? "/" : `${target}/`) || normalizeUrl(page.url, "/") === target;
        if (!below || !(known.dotRelative ??= hasDotRelative(page.html))) continue;
      }
      known.links ??= linksIn(page.html, page.url, pathPrefix);
      if (!known.links.has(target)) continue;
      out.set(page.path, page.title ? { path: page.path, url: page.url, title: page.title } : { path: page.path, url: page.url });
    }
    for (const output of this.pages.keys()) if (!present.has(output)) this.pages.delete(output);
    return [...out.values()].sort((a, b) => a.path.localeCompare(b.path));
  }
}
