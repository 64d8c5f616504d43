/**
 * The browser side of live reload. The functions below run in the page: the server sends
 * their source text (`clientScript()`), so they use nothing from outside their own bodies.
 * The decision of what to do with a message is the pure `planReaction`, tested in Node;
 * `runClient` only wires it to EventSource and the DOM.
 */

/** Output paths (relative, posix) that one build wrote anew or removed. */
export interface OutputChanges {
  changed: string[];
  removed: string[];
}

/** What the server pushes over Server-Sent Events. */
export type LiveMessage =
  /** First message of each connection: the state now, and what changed since the page's build (null: unknown). */
  | { type: "hello"; instance: string; build: number; overlay: string | null; changes: OutputChanges | null }
  /** A good build. */
  | { type: "update"; build: number; changes: OutputChanges }
  /** A failed build: the rendered overlay. */
  | { type: "error"; overlay: string };

/** What the page knows about itself, from its script tag's data attributes. */
export interface PageContext {
  /** Output path the page was served from, e.g. `about/index.html`; "" for the error page. */
  served: string;
  notFound: boolean;
  prefix: string;
  build: number;
  instance: string;
}

/** What the page shows now. */
export interface PageView {
  overlayShown: boolean;
  /** Output paths of the files the page loads (scripts, images, stylesheets, icons), not of the pages it links to. */
  references: string[];
}

export type Reaction = { kind: "none" } | { kind: "reload" } | { kind: "swap-css" } | { kind: "overlay"; html: string };

/**
 * The output path a same-site URL path names, or null when it lies outside the prefix.
 *
 * @example
 * outputPathOfUrl("/docs/guide/", "/docs/") // "guide/index.html"
 */
export function outputPathOfUrl(pathname: string, prefix: string): string | null {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Keep the raw path: it then simply matches nothing.
  }
  if (!decoded.startsWith(prefix)) return null;
  let relative = decoded.slice(prefix.length).replace(/^\/+/, "");
  if (relative === "" || relative.endsWith("/")) relative += "index.html";
  return relative;
}

/** Decides how a page reacts to a message from the server. */
export function planReaction(message: LiveMessage, page: PageContext, view: PageView): Reaction {
  const forChanges = (changes: OutputChanges): Reaction => {
    if (view.overlayShown) return { kind: "reload" };
    const touched = changes.changed.concat(changes.removed);
    if (touched.includes(page.served)) return { kind: "reload" };
    if (page.notFound && changes.changed.some((p) => p.endsWith(".html"))) return { kind: "reload" };
    const isCss = (p: string) => p.endsWith(".css");
    if (changes.removed.some((p) => view.references.includes(p))) return { kind: "reload" };
    if (changes.changed.some((p) => !isCss(p) && view.references.includes(p))) return { kind: "reload" };
    if (changes.changed.some(isCss)) return { kind: "swap-css" };
    return { kind: "none" };
  };
  if (message.type === "error") return { kind: "overlay", html: message.overlay };
  if (message.type === "update") return forChanges(message.changes);
  if (message.instance !== page.instance) return { kind: "reload" };
  if (message.overlay !== null) return { kind: "overlay", html: message.overlay };
  if (message.build === page.build) return view.overlayShown ? { kind: "reload" } : { kind: "none" };
  if (message.changes === null) return { kind: "reload" };
  return forChanges(message.changes);
}

/** Settings the server bakes into the client script. */
export interface ClientSettings {
  /** URL of the event stream. */
  events: string;
  overlayId: string;
}

/** Runs in the browser: connects to the event stream and applies each reaction. */
export function runClient(script: HTMLScriptElement, settings: ClientSettings): void {
  const data = script.dataset;
  const page: PageContext = {
    served: data.plinthPath ?? "",
    notFound: data.plinthStatus === "404",
    prefix: data.plinthPrefix ?? "/",
    build: Number(data.plinthBuild ?? 0),
    instance: data.plinthInstance ?? "",
  };
  // Read by the browser test to know the page is listening; harmless elsewhere.
  const status = { connected: false, last: "" };
  (window as unknown as { __plinthLive: typeof status }).__plinthLive = status;

  const references = (): string[] => {
    const out: string[] = [];
    const selector =
      "script[src],img[src],source[src],video[src],audio[src],iframe[src],embed[src],track[src]," +
      'link[rel~="stylesheet"][href],link[rel~="icon"][href],link[rel~="preload"][href],link[rel~="modulepreload"][href],link[rel~="manifest"][href]';
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const value = element.getAttribute("src") ?? element.getAttribute("href");
      if (!value) continue;
      const url = new URL(value, location.href);
      if (url.origin !== location.origin) continue;
      const relative = outputPathOfUrl(url.pathname, page.prefix);
      if (relative !== null) out.push(relative);
    }
    return out;
  };

  const swapStylesheets = (): void => {
    const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"][href]'));
    for (const link of links) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("plinth-reload", String(Date.now()));
      const next = link.cloneNode() as HTMLLinkElement;
      next.href = url.href;
      // The old sheet stays until the new one has loaded, so the page never shows unstyled.
      next.addEventListener("load", () => link.remove());
      next.addEventListener("error", () => link.remove());
      link.after(next);
    }
  };

  const showOverlay = (html: string): void => {
    document.getElementById(settings.overlayId)?.remove();
    (document.body ?? document.documentElement).insertAdjacentHTML("beforeend", html);
  };

  let source: EventSource | undefined;
  const connect = (): void => {
    source = new EventSource(`${settings.events}?build=${page.build}`);
    source.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as LiveMessage;
      if (message.type === "hello") status.connected = true;
      const view: PageView = { overlayShown: document.getElementById(settings.overlayId) !== null, references: references() };
      const reaction = planReaction(message, page, view);
      status.last = reaction.kind;
      if (message.type !== "error") page.build = message.build;
      if (reaction.kind === "reload") location.reload();
      else if (reaction.kind === "swap-css") swapStylesheets();
      else if (reaction.kind === "overlay") showOverlay(reaction.html);
    };
    source.onerror = () => {
      // Reconnect by hand so the next hello asks for the changes since the build this page now shows.
      status.connected = false;
      source?.close();
      setTimeout(connect, 500);
    };
  };
  connect();
}

/** The script the server sends as `/_plinth/client.js`. */
export function clientScript(settings: ClientSettings): string {
  return [
    '"use strict";',
    "(() => {",
    outputPathOfUrl.toString(),
    planReaction.toString(),
    runClient.toString(),
    "const script = document.currentScript;",
    `if (script) runClient(script, ${JSON.stringify(settings)});`,
    "})();",
    "",
  ].join("\n");
}
