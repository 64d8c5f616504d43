// Small queries over a parsed HTML or XML document, so the example-site test can assert on
// exact elements and attributes rather than on substrings of the markup.

import { DomUtils, parseDocument } from "htmlparser2";

export type Document = ReturnType<typeof parseDocument>;
export type Element = ReturnType<typeof DomUtils.findAll>[number];
type Parent = Document | Element;

export function parseHtml(text: string): Document {
  return parseDocument(text);
}

/** XML keeps the case of names and self-closing tags, as an Atom feed needs. */
export function parseXml(text: string): Document {
  return parseDocument(text, { xmlMode: true });
}

/** Every descendant element of `root` (not `root` itself) that `test` accepts, in document order. */
export function findAll(root: Parent, test: (element: Element) => boolean): Element[] {
  return DomUtils.findAll(test, root.children);
}

export function byTag(root: Parent, name: string): Element[] {
  return findAll(root, (element) => element.name === name);
}

export function byClass(root: Parent, className: string): Element[] {
  return findAll(root, (element) => hasClass(element, className));
}

export function byAttribute(root: Parent, name: string, value: string): Element[] {
  return findAll(root, (element) => element.attribs[name] === value);
}

/** The one element that `elements` must hold; fails with `what` otherwise. */
export function only(elements: Element[], what: string): Element {
  if (elements.length !== 1) throw new Error(`expected exactly one ${what}, found ${elements.length}`);
  return elements[0]!;
}

export function hasClass(element: Element, className: string): boolean {
  return (element.attribs["class"] ?? "").split(/\s+/).includes(className);
}

/** The element's text, entities decoded, whitespace kept as it is. */
export function text(element: Element): string {
  return DomUtils.textContent(element);
}

/** The element's text with runs of ASCII whitespace collapsed, for text broken across lines by templates. */
export function squashedText(element: Element): string {
  return text(element).replace(/[ \t\r\n]+/g, " ").trim();
}

/** The element children of `element`, skipping text and comments. */
export function childElements(element: Element): Element[] {
  return element.children.filter((child): child is Element => DomUtils.isTag(child));
}

/** Whether `ancestor` contains `element` at any depth. */
export function isInside(element: Element, ancestor: Element): boolean {
  for (let node = element.parent; node; node = node.parent) {
    if (node === ancestor) return true;
  }
  return false;
}
