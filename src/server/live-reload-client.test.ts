import assert from "node:assert/strict";
import { describe, test } from "node:test";
import vm from "node:vm";
import { clientScript, outputPathOfUrl, planReaction, type LiveMessage, type PageContext, type PageView } from "./live-reload-client.js";

const page: PageContext = { served: "news/a/index.html", notFound: false, prefix: "/", build: 5, instance: "i1" };
const view: PageView = { overlayShown: false, references: ["css/site.css", "js/app.js", "img/logo.png"] };
const update = (changed: string[], removed: string[] = []): LiveMessage => ({ type: "update", build: 6, changes: { changed, removed } });
const kind = (message: LiveMessage, p = page, v = view) => planReaction(message, p, v).kind;

describe("planReaction", () => {
  test("reloads when the page itself changed or was removed", () => {
    assert.equal(kind(update(["news/a/index.html"])), "reload");
    assert.equal(kind(update([], ["news/a/index.html"])), "reload");
    assert.equal(kind(update(["news/a/index.html", "css/site.css"])), "reload");
  });

  test("ignores changes to other pages", () => {
    assert.equal(kind(update(["news/b/index.html", "feed.xml"])), "none");
    assert.equal(kind(update([])), "none");
  });

  test("swaps stylesheets when only CSS changed", () => {
    assert.equal(kind(update(["css/site.css"])), "swap-css");
    assert.equal(kind(update(["css/print.css", "news/b/index.html"])), "swap-css");
  });

  test("reloads when a script or image the page loads changed or a file it loads was removed", () => {
    assert.equal(kind(update(["js/app.js"])), "reload");
    assert.equal(kind(update(["img/logo.png", "css/site.css"])), "reload");
    assert.equal(kind(update([], ["css/site.css"])), "reload");
    assert.equal(kind(update(["img/other.png"])), "none");
  });

  test("a 404 page reloads when any page appears, since it may be the one asked for", () => {
    const notFound = { ...page, served: "404.html", notFound: true };
    assert.equal(kind(update(["news/new/index.html"]), notFound), "reload");
    assert.equal(kind(update(["img/x.png"]), notFound), "none");
  });

  test("shows the overlay on errors and reloads at the next good build", () => {
    const error: LiveMessage = { type: "error", overlay: "<div>boom</div>" };
    assert.deepEqual(planReaction(error, page, view), { kind: "overlay", html: "<div>boom</div>" });
    assert.equal(kind(update([]), page, { ...view, overlayShown: true }), "reload");
  });

  test("hello: overlay while broken, catch-up after missed builds, reload after a server restart", () => {
    const hello = (over: Partial<Extract<LiveMessage, { type: "hello" }>>): LiveMessage => ({ type: "hello", instance: "i1", build: 5, overlay: null, changes: { changed: [], removed: [] }, ...over });
    assert.equal(kind(hello({})), "none");
    assert.equal(kind(hello({ overlay: "<div>x</div>" })), "overlay");
    assert.equal(kind(hello({}), page, { ...view, overlayShown: true }), "reload");
    assert.equal(kind(hello({ build: 7, changes: { changed: ["news/a/index.html"], removed: [] } })), "reload");
    assert.equal(kind(hello({ build: 7, changes: { changed: ["css/site.css"], removed: [] } })), "swap-css");
    assert.equal(kind(hello({ build: 7, changes: { changed: ["other/index.html"], removed: [] } })), "none");
    assert.equal(kind(hello({ build: 900, changes: null })), "reload");
    assert.equal(kind(hello({ instance: "i2" })), "reload");
  });
});

test("outputPathOfUrl maps URLs to output paths under the prefix", () => {
  assert.equal(outputPathOfUrl("/", "/"), "index.html");
  assert.equal(outputPathOfUrl("/about/", "/"), "about/index.html");
  assert.equal(outputPathOfUrl("/css/site.css", "/"), "css/site.css");
  assert.equal(outputPathOfUrl("/docs/caf%C3%A9/", "/docs/"), "café/index.html");
  assert.equal(outputPathOfUrl("/docs", "/docs/"), null);
  assert.equal(outputPathOfUrl("/elsewhere/x.css", "/docs/"), null);
});

/** A page just big enough for the client: one stylesheet, one script, an EventSource we drive by hand. */
function fakePage() {
  const log: string[] = [];
  const sources: FakeEventSource[] = [];
  const timers: (() => void)[] = [];
  class FakeEventSource {
    onmessage?: (event: { data: string }) => void;
    onerror?: () => void;
    closed = false;
    constructor(readonly url: string) {
      sources.push(this);
    }
    close() {
      this.closed = true;
    }
  }
  let overlay: object | null = null;
  const makeLink = (href: string) => ({
    href,
    getAttribute: (name: string) => (name === "href" ? href : null),
    cloneNode() {
      return makeLink(href);
    },
    addEventListener: () => {},
    after: (next: { href: string }) => log.push(`stylesheet ${next.href}`),
    remove: () => {},
  });
  const stylesheet = makeLink("/css/site.css");
  const script = { getAttribute: (name: string) => (name === "src" ? "/js/app.js" : null) };
  const document = {
    currentScript: { dataset: { plinthPath: "about/index.html", plinthStatus: "200", plinthPrefix: "/", plinthBuild: "4", plinthInstance: "i1" } },
    querySelectorAll: (selector: string) => (selector.startsWith("link") ? [stylesheet] : [script, stylesheet]),
    getElementById: (id: string) => (id === "plinth-error-overlay" ? overlay : null),
    body: {
      insertAdjacentHTML: (where: string, html: string) => {
        log.push(`overlay ${where} ${html}`);
        overlay = { remove: () => (overlay = null) };
      },
    },
  };
  const location = { href: "http://127.0.0.1:8080/about/", origin: "http://127.0.0.1:8080", reload: () => log.push("reload") };
  const context: Record<string, unknown> = { document, location, EventSource: FakeEventSource, URL, setTimeout: (fn: () => void) => timers.push(fn), Date, JSON };
  context.window = context;
  vm.createContext(context);
  const send = (message: LiveMessage) => sources.at(-1)!.onmessage!({ data: JSON.stringify(message) });
  return { context, log, sources, timers, send };
}

describe("the injected client script", () => {
  const script = clientScript({ events: "/_plinth/events", overlayId: "plinth-error-overlay" });

  test("connects with the page's build and reports that it is listening", () => {
    const fake = fakePage();
    vm.runInContext(script, fake.context);
    assert.equal(fake.sources.length, 1);
    assert.equal(fake.sources[0]!.url, "/_plinth/events?build=4");
    fake.send({ type: "hello", instance: "i1", build: 4, overlay: null, changes: { changed: [], removed: [] } });
    assert.deepEqual(JSON.parse(JSON.stringify(fake.context.__plinthLive)), { connected: true, last: "none" });
    assert.deepEqual(fake.log, []);
  });

  test("swaps stylesheets for CSS, reloads for its own page or a script it loads", () => {
    const fake = fakePage();
    vm.runInContext(script, fake.context);
    fake.send({ type: "update", build: 5, changes: { changed: ["css/site.css"], removed: [] } });
    assert.equal(fake.log.length, 1);
    assert.match(fake.log[0]!, /^stylesheet http:\/\/127\.0\.0\.1:8080\/css\/site\.css\?plinth-reload=\d+$/);
    fake.send({ type: "update", build: 6, changes: { changed: ["other/index.html"], removed: [] } });
    assert.equal(fake.log.length, 1);
    fake.send({ type: "update", build: 7, changes: { changed: ["about/index.html"], removed: [] } });
    fake.send({ type: "update", build: 8, changes: { changed: ["js/app.js"], removed: [] } });
    assert.deepEqual(fake.log.slice(1), ["reload", "reload"]);
  });

  test("shows the overlay on an error, replaces it on the next, and reloads once fixed", () => {
    const fake = fakePage();
    vm.runInContext(script, fake.context);
    fake.send({ type: "error", overlay: '<div id="plinth-error-overlay">one</div>' });
    fake.send({ type: "error", overlay: '<div id="plinth-error-overlay">two</div>' });
    assert.deepEqual(fake.log, ['overlay beforeend <div id="plinth-error-overlay">one</div>', 'overlay beforeend <div id="plinth-error-overlay">two</div>']);
    fake.send({ type: "update", build: 5, changes: { changed: [], removed: [] } });
    assert.equal(fake.log.at(-1), "reload");
  });

  test("reconnects after a dropped stream, asking for changes since the build it shows now", () => {
    const fake = fakePage();
    vm.runInContext(script, fake.context);
    fake.send({ type: "update", build: 9, changes: { changed: [], removed: [] } });
    fake.sources[0]!.onerror!();
    assert.equal(fake.sources[0]!.closed, true);
    assert.equal(fake.timers.length, 1);
    fake.timers[0]!();
    assert.equal(fake.sources[1]!.url, "/_plinth/events?build=9");
  });
});
