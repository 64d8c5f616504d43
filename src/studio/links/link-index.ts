/**
 * Which pages link to a URL, from the dev session's built output in memory: each HTML page's
 * `<a href>` and `<area href>` parsed with htmlparser2, resolved against the page's own URL,
 * with the path prefix, query and fragment taken off. The index is made once per good build
 * and answers every question until the next one.
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

export class LinkIndex {
  private build = -1;
  private readonly linkedFrom = new Map<string, BuiltPage[]>();

  /** Rebuilds the index when `build` is newer than the one it was made from. */
  update(build: number, pages: () => Iterable<BuiltPage & { html: string }>, pathPrefix: string): void {
    if (build === this.build) return;
    this.linkedFrom.clear();
    for (const page of pages()) {
      for (const target of linksIn(page.html, page.url, pathPrefix)) {
        const list = this.linkedFrom.get(target) ?? [];
        list.push({ output: page.output, url: page.url, path: page.path, title: page.title });
        this.linkedFrom.set(target, list);
      }
    }
    this.build = build;
  }

  /** Pages linking to `url`, except those built from `exceptPath` (the entry itself), one per source file. */
  pagesLinkingTo(url: string, pathPrefix: string, exceptPath?: string): LinkingPage[] {
    const seen = new Set<string>();
    const out: LinkingPage[] = [];
    for (const page of this.linkedFrom.get(normalizeUrl(url, pathPrefix)) ?? []) {
      if (page.path === exceptPath || seen.has(page.path)) continue;
      seen.add(page.path);
      out.push(page.title ? { path: page.path, url: page.url, title: page.title } : { path: page.path, url: page.url });
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }
}
