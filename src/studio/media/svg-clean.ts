/**
 * SVG uploads made safe to serve from the site's own origin. An SVG opened directly (not
 * through `<img>`) runs its scripts with the site's cookies, so the file is parsed as XML with
 * htmlparser2 and walked: only known SVG drawing elements stay, event handler attributes and
 * `javascript:`/`data:` links go, and so do external references (`<use href="https://…">`,
 * CSS `@import`, `url(https://…)`), which would load other sites' content. A file with nothing
 * to remove is kept byte for byte; one with a DTD internal subset (entity tricks) is refused.
 */
import { DomUtils, ElementType, parseDocument } from "htmlparser2";
import type { ChildNode, Element, ParentNode } from "domhandler";
import { StudioHttpError } from "../server/http-error.js";

export interface SvgCleanResult {
  /** The SVG to store: the original text when nothing was removed. */
  svg: string;
  /** What was removed, one line each, for the person uploading ("removed <script>"). */
  removed: string[];
}

/** SVG 1.1/2 drawing, structure, text, paint and filter elements; everything else goes. */
const ALLOWED_ELEMENTS = new Set(
  [
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "a", "image", "marker", "pattern", "clipPath", "mask",
    "linearGradient", "radialGradient", "stop", "style", "filter",
    "animate", "animateMotion", "animateTransform", "set", "mpath",
    "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
    "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge",
    "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
    "feSpotLight", "feTile", "feTurbulence",
  ].map((name) => name.toLowerCase()),
);

/** Elements drawing programs add for themselves (Inkscape, Sodipodi, RDF metadata): dropped without a word. */
const EDITOR_NAMESPACES = /^(sodipodi|inkscape|rdf|cc|dc|sketch|serif|i|x|a|graph|figma):/i;

/** Removed with a report, because they are how scripts or other documents get into an SVG. */
const DANGEROUS_ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "html", "body", "audio", "video", "canvas", "base"]);

const LINK_ATTRIBUTES = new Set(["href", "xlink:href", "src", "action", "formaction"]);

/** Raster images that may be embedded inline. */
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);/i;

/** A URL's scheme as a browser reads it: entities decoded, controls and whitespace dropped. */
function scheme(value: string): string | undefined {
  const plain = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(plain)?.[1]?.toLowerCase();
}

/** Whether a link may stay: same-document fragments and relative paths; `data:` only for rasters on images. */
function safeLink(value: string, element: string): boolean {
  const found = scheme(value);
  if (found === undefined) return !value.trim().startsWith("//");
  if (found === "data") return (element === "image" || element === "feimage") && SAFE_DATA_IMAGE.test(value.trim());
  // `<a href="https://…">` is a plain link; anything that loads content stays local.
  return element === "a" && (found === "https" || found === "http" || found === "mailto");
}

/** CSS that loads or runs something: imports, non-fragment `url(…)`, IE expressions and bindings. */
function unsafeCss(css: string): string | undefined {
  const text = css.replace(/\\[0-9a-f]{1,6}\s?/gi, "?").replace(/\/\*[\s\S]*?\*\//g, "");
  if (/@import/i.test(text)) return "@import";
  if (/expression\s*\(|behavior\s*:|-moz-binding/i.test(text)) return "a script expression";
  for (const match of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!match[2]!.trim().startsWith("#")) return `url(${match[2]!.trim()})`;
  }
  if (/javascript:/i.test(text)) return "javascript:";
  return undefined;
}

/** `<set attributeName="href" to="javascript:…">` rewrites a link after the walk; such animations go. */
function animatesLinkOrHandler(element: Element): boolean {
  const target = (element.attribs.attributeName ?? element.attribs.attributename ?? "").trim().toLowerCase();
  return target === "href" || target === "xlink:href" || target.startsWith("on");
}

const MAX_DEPTH = 256;

class Cleaner {
  readonly removed: string[] = [];
  /** True once anything at all was taken out, reported or not. */
  changed = false;

  private depth = 0;

  walk(parent: ParentNode): void {
    // Drawings nest a few dozen groups deep; thousands is a file built to exhaust the stack.
    if (++this.depth > MAX_DEPTH) throw new StudioHttpError(422, "MediaSvgUnsafe", `The SVG nests elements more than ${MAX_DEPTH} deep.`);
    for (const child of [...parent.children]) this.visit(child);
    this.depth--;
  }

  private drop(node: ChildNode, why?: string): void {
    if (why) this.removed.push(why);
    this.changed = true;
    DomUtils.removeElement(node);
  }

  private visit(node: ChildNode): void {
    if (node.type === ElementType.Directive) {
      const text = node.data.trim().toLowerCase();
      if (text.startsWith("?xml ") || text === "?xml") return;
      if (text.startsWith("!doctype")) {
        if (text.includes("[")) throw new StudioHttpError(422, "MediaSvgUnsafe", "The SVG declares entities in its DOCTYPE, which can hide content or expand without end.");
        this.drop(node);
        return;
      }
      // `<?xml-stylesheet href="…"?>` loads a stylesheet from anywhere.
      this.drop(node, `removed the processing instruction <${node.data.trim().split(/\s/)[0]}>`);
      return;
    }
    if (node.type !== ElementType.Tag && node.type !== ElementType.Script && node.type !== ElementType.Style) return;
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (DANGEROUS_ELEMENTS.has(name)) return this.drop(element, `removed <${element.name}>`);
    if (!ALLOWED_ELEMENTS.has(name)) {
      return this.drop(element, EDITOR_NAMESPACES.test(element.name) ? undefined : `removed the unknown element <${element.name}>`);
    }
    if ((name === "set" || name.startsWith("animate")) && animatesLinkOrHandler(element)) {
      return this.drop(element, `removed <${element.name}> that changes a link or an event handler`);
    }
    if (name === "style") {
      const problem = unsafeCss(DomUtils.textContent(element));
      if (problem) return this.drop(element, `removed a <style> that loads ${problem}`);
    }
    this.cleanAttributes(element, name);
    this.walk(element);
  }

  private cleanAttributes(element: Element, name: string): void {
    for (const [attribute, value] of Object.entries(element.attribs)) {
      const key = attribute.toLowerCase();
      const why = this.attributeProblem(key, value, name);
      if (why === undefined) continue;
      delete element.attribs[attribute];
      this.changed = true;
      if (why !== null) {
        this.removed.push(`removed ${why} (${attribute}="${value.length > 40 ? `${value.slice(0, 40)}…` : value}") from <${element.name}>`);
      }
    }
  }

  /** A reason to remove the attribute, null to remove it silently, undefined to keep it. */
  private attributeProblem(key: string, value: string, element: string): string | null | undefined {
    if (key.startsWith("on")) return "an event handler";
    if (LINK_ATTRIBUTES.has(key)) return safeLink(value, element) ? undefined : "a link";
    if (key === "style" && unsafeCss(value)) return "a style that loads content";
    if (/(java|vb)script:/i.test(value.replace(/[\u0000-\u0020]/g, ""))) return "a script URL";
    if (key === "xml:base") return "a base URL";
    // `url(#gradient)` is a paint reference; `url(https://…)` would fetch.
    if (/url\(/i.test(value) && unsafeCss(value)) return "an external url()";
    if (key.includes(":") && !/^(xmlns(:\w+)?|xlink:\w+|xml:(space|lang))$/.test(key)) return EDITOR_NAMESPACES.test(key) ? null : "an attribute in an unknown namespace";
    return undefined;
  }
}

/**
 * The SVG cleaned for serving, or a `MediaSvgUnsafe` error when it is not an SVG document at all.
 *
 * @example
 * cleanSvg('<svg viewBox="0 0 1 1" onload="alert(1)"/>').removed // ['removed onload="alert(1)" from <svg>']
 */
export function cleanSvg(text: string): SvgCleanResult {
  const source = text.replace(/^\uFEFF/, "");
  const document = parseDocument(source, { xmlMode: true, decodeEntities: true });
  const roots = document.children.filter((node) => node.type === ElementType.Tag);
  if (roots.length !== 1 || (roots[0] as Element).name.toLowerCase() !== "svg") {
    throw new StudioHttpError(422, "MediaSvgUnsafe", "The file is not a single <svg> document.");
  }
  const cleaner = new Cleaner();
  cleaner.walk(document);
  if (!cleaner.changed) return { svg: text, removed: [] };
  return { svg: DomUtils.getOuterHTML(document, { xmlMode: true, encodeEntities: "utf8" }), removed: cleaner.removed };
}
