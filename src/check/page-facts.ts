/**
 * What `plinth check` needs to know about one built HTML page, read in a single pass with
 * htmlparser2's tokenizer: its title, the ids a `#fragment` may point to, every URL it refers
 * to (links and assets, with the line each is on) and its images without `alt`.
 *
 * The tokenizer reports positions, not strings, so only the few attributes the check reads
 * become strings: a large site is mostly text and attributes it never needs.
 */
import { QuoteType, Tokenizer } from "htmlparser2";

/** A link is something a reader follows; an asset is something the browser loads with the page. */
export type RefKind = "link" | "asset";

export interface PageRef {
  kind: RefKind;
  /** The URL as written in the attribute (entities decoded). */
  url: string;
  line: number;
  /** The element and attribute it came from, e.g. `img src`. */
  from: string;
}

export interface PageFacts {
  /** The page's `<title>` text, trimmed and with runs of whitespace collapsed; undefined without one. */
  title?: string;
  /** The line of the `<title>` element. */
  titleLine?: number;
  /** Every `id` and every `<a name>`: the fragments this page has. */
  anchors: Set<string>;
  refs: PageRef[];
  /** Lines of `<img>` elements that have no `alt` attribute at all (`alt=""` marks a decorative image and is fine). */
  imagesWithoutAlt: number[];
}

/** `<link rel>` values that name something the page loads rather than a page to visit. */
const ASSET_RELS = new Set(["stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload", "modulepreload", "prefetch"]);
/** `<link rel>` values whose href is a host hint, not a resource. */
const SKIPPED_RELS = new Set(["preconnect", "dns-prefetch"]);
/** `<meta property|name>` whose content is an image URL that social sites fetch. */
const IMAGE_METAS = new Set(["og:image", "og:image:url", "og:image:secure_url", "twitter:image"]);

/**
 * The URLs of a `srcset` attribute, as the HTML standard splits it: each candidate is a run
 * of non-space characters (trailing commas end it), then optional descriptors up to a comma.
 */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && /[\s,]/.test(value[at]!)) at++;
    const start = at;
    while (at < value.length && !/\s/.test(value[at]!)) at++;
    let url = value.slice(start, at);
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else while (at < value.length && value[at] !== ",") at++;
    if (url) urls.push(url);
  }
  return urls;
}

/** `img src` and the like, made once: a large site has a hundred thousand references. */
const SOURCES = new Map<string, string>();
function sourceName(element: string, attribute: string): string {
  const key = `${element} ${attribute}`;
  let name = SOURCES.get(key);
  if (name === undefined) SOURCES.set(key, (name = key));
  return name;
}

/** The attributes any check reads; all others are skipped without making strings. */
const READ_ATTRIBUTES = new Set(["id", "href", "name", "rel", "src", "srcset", "alt", "poster", "data", "property", "content"]);

type Attributes = Partial<Record<string, string>>;

/** Reads one page. `html` is the whole file. */
export function readPageFacts(html: string): PageFacts {
  const facts: PageFacts = { anchors: new Set(), refs: [], imagesWithoutAlt: [] };
  // Lines are counted forward only, since tags arrive in document order.
  let countedTo = 0;
  let line = 1;
  const lineAt = (index: number): number => {
    for (let i = html.indexOf("\n", countedTo); i !== -1 && i < index; i = html.indexOf("\n", i + 1)) line++;
    countedTo = Math.max(countedTo, index);
    return line;
  };
  let svgDepth = 0;
  let titleText: string | undefined;
  let inTitle = false;

  // The tag being read: its name, where it starts, and the attributes kept so far.
  let tagName = "";
  let tagStart = 0;
  let attributes: Attributes = {};
  let attributeName: string | undefined;
  let attributeValue = "";

  const element = (name: string, attribs: Attributes, at: number, selfClosing: boolean): void => {
    if (attribs.id) facts.anchors.add(attribs.id);
    if (name === "svg" && !selfClosing) svgDepth++;
    if (svgDepth > 0) return;
    const add = (kind: RefKind, url: string | undefined, attribute: string): void => {
      if (url === undefined) return;
      facts.refs.push({ kind, url: url.trim(), line: lineAt(at), from: sourceName(name, attribute) });
    };
    switch (name) {
      case "a":
      case "area":
        if (name === "a" && attribs.name) facts.anchors.add(attribs.name);
        add("link", attribs.href, "href");
        break;
      case "link": {
        const rels = (attribs.rel ?? "").toLowerCase().split(/\s+/);
        if (rels.some((rel) => SKIPPED_RELS.has(rel))) break;
        add(rels.some((rel) => ASSET_RELS.has(rel)) ? "asset" : "link", attribs.href, "href");
        break;
      }
      case "img":
        if (attribs.alt === undefined) facts.imagesWithoutAlt.push(lineAt(at));
        add("asset", attribs.src, "src");
        for (const url of srcsetUrls(attribs.srcset ?? "")) add("asset", url, "srcset");
        break;
      case "source":
        add("asset", attribs.src, "src");
        for (const url of srcsetUrls(attribs.srcset ?? "")) add("asset", url, "srcset");
        break;
      case "script":
      case "audio":
      case "track":
      case "embed":
        add("asset", attribs.src, "src");
        break;
      case "video":
        add("asset", attribs.src, "src");
        add("asset", attribs.poster, "poster");
        break;
      case "iframe":
        add("link", attribs.src, "src");
        break;
      case "object":
        add("asset", attribs.data, "data");
        break;
      case "meta": {
        const key = (attribs.property ?? attribs.name ?? "").toLowerCase();
        if (IMAGE_METAS.has(key)) add("asset", attribs.content, key);
        else if (key === "og:url") add("link", attribs.content, key);
        break;
      }
      case "title":
        if (titleText === undefined && !selfClosing) {
          facts.titleLine = lineAt(at);
          inTitle = true;
          titleText = "";
        }
        break;
    }
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        tagStart = start - 1;
        attributes = {};
      },
      onattribname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        attributeName = READ_ATTRIBUTES.has(name) && attributes[name] === undefined ? name : undefined;
        attributeValue = "";
      },
      onattribdata(start, end) {
        if (attributeName !== undefined) attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attributeName !== undefined) attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend(quote) {
        if (attributeName !== undefined) attributes[attributeName] = quote === QuoteType.NoValue ? "" : attributeValue;
        attributeName = undefined;
      },
      onopentagend() {
        element(tagName, attributes, tagStart, false);
      },
      onselfclosingtag() {
        element(tagName, attributes, tagStart, true);
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (name === "svg" && svgDepth > 0) svgDepth--;
        if (name === "title") inTitle = false;
      },
      ontext(start, end) {
        if (inTitle) titleText += html.slice(start, end);
      },
      ontextentity(codepoint) {
        if (inTitle) titleText += String.fromCodePoint(codepoint);
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (titleText !== undefined) facts.title = titleText.replace(/\s+/g, " ").trim();
  return facts;
}
