/**
 * `plinth serve` end to end, as a user runs it: a real process on a free port, real files edited
 * on disk, the browser's side played by fetch and an event-stream reader.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { LiveMessage } from "../../src/server/live-reload-client.js";
import { copyFixture, EventReader, fetchText, removeDir, ServeProcess } from "./serve-process.js";

type Update = Extract<LiveMessage, { type: "update" }>;
type ErrorMessage = Extract<LiveMessage, { type: "error" }>;
const isUpdate = (m: LiveMessage): m is Update => m.type === "update";
const isError = (m: LiveMessage): m is ErrorMessage => m.type === "error";

describe("plinth serve", () => {
  let dir: string;
  let serve: ServeProcess;
  let url: string;
  let events: EventReader;
  const src = (file: string) => path.join(dir, "src", file);

  before(async () => {
    dir = copyFixture();
    ({ serve, url } = await ServeProcess.start(dir));
    events = await EventReader.open(`${url}_plinth/events?build=1`);
    await events.next("hello", (m) => m.type === "hello");
  });
  after(async () => {
    events?.close();
    await serve?.stop();
    removeDir(dir);
  });

  test("prints a 127.0.0.1 URL and serves pages from memory with the client injected", async () => {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetchText(url);
    assert.equal(home.status, 200);
    assert.equal(home.type, "text/html; charset=utf-8");
    assert.match(home.body, /<p id="greeting">Hello<\/p>/);
    assert.match(home.body, /<script src="\/_plinth\/client\.js" data-plinth-path="index\.html" data-plinth-status="200"[^>]*><\/script><\/body>/);
    assert.equal(existsSync(path.join(dir, "_site")), false, "nothing is written to disk without --to-disk");
    const client = await fetchText(`${url}_plinth/client.js`);
    assert.equal(client.type, "text/javascript; charset=utf-8");
    assert.match(client.body, /function planReaction/);
  });

  test("directory indexes, content types, passthrough copies and the site's 404 page", async () => {
    assert.match((await fetchText(`${url}about/`)).body, /<h1>About<\/h1>/);
    const bare = await fetchText(`${url}about`);
    assert.equal(bare.status, 301);
    assert.equal(bare.location, "/about/");
    const css = await fetchText(`${url}css/site.css`);
    assert.equal(css.type, "text/css; charset=utf-8");
    assert.equal(css.body, "body { color: rgb(0, 0, 0); }\n");
    assert.doesNotMatch(css.body, /plinth/, "only HTML gets the client");
    const missing = await fetchText(`${url}no/such/page/`);
    assert.equal(missing.status, 404);
    assert.match(missing.body, /<h1>Nothing here<\/h1>/);
    assert.match(missing.body, /data-plinth-path="404\.html" data-plinth-status="404"/);
  });

  test("bad requests get 400 and the server keeps running", async () => {
    const { request } = await import("node:http");
    const rawStatus = (p: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${url}`, { path: p }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    for (const p of ["/../eleventy.config.mjs", "/%2e%2e/eleventy.config.mjs", "/..%5celeventy.config.mjs", "/index.html%00", "/%E0%A4%A"]) assert.equal(await rawStatus(p), 400, p);
    assert.equal((await fetch(url, { method: "POST" })).status, 405);
    assert.equal((await fetchText(url)).status, 200);
  });

  test("an edited page is rebuilt and announced; only the page changed", async () => {
    writeFileSync(src("index.njk"), readFileSync(src("index.njk"), "utf8").replace("Hello", "Hello again"));
    const update = await events.next("the update for index.html", (m): m is Update => isUpdate(m) && m.changes.changed.includes("index.html"));
    assert.deepEqual(update.changes, { changed: ["index.html"], removed: [] });
    assert.match((await fetchText(url)).body, /Hello again/);
  });

  test("a CSS edit changes only the stylesheet", async () => {
    writeFileSync(src("css/site.css"), "body { color: rgb(200, 0, 0); }\n");
    const update = await events.next("the CSS update", (m): m is Update => isUpdate(m) && m.changes.changed.length > 0);
    assert.deepEqual(update.changes, { changed: ["css/site.css"], removed: [] });
    assert.equal((await fetchText(`${url}css/site.css`)).body, "body { color: rgb(200, 0, 0); }\n");
  });

  test("a file under an addWatchTarget folder outside the input triggers a rebuild", async () => {
    writeFileSync(path.join(dir, "extra", "motd.txt"), "Second message\n");
    await events.next("the update after the watch target changed", (m) => isUpdate(m) && m.changes.changed.includes("index.html"));
    assert.match((await fetchText(url)).body, /<footer id="motd">Second message<\/footer>/);
  });

  test("new pages appear and deleted pages disappear", async () => {
    writeFileSync(src("news.md"), "---\nlayout: base.njk\ntitle: News\n---\nFresh news.\n");
    await events.next("the new page", (m) => isUpdate(m) && m.changes.changed.includes("news/index.html"));
    assert.match((await fetchText(`${url}news/`)).body, /Fresh news\./);
    rmSync(src("news.md"));
    await events.next("the removal", (m) => isUpdate(m) && m.changes.removed.includes("news/index.html"));
    assert.equal((await fetchText(`${url}news/`)).status, 404);
  });

  test("a broken template shows the overlay, keeps the last good page, and recovers", async () => {
    const good = readFileSync(src("index.njk"), "utf8");
    writeFileSync(src("index.njk"), good.replace("<h1>Home</h1>", "<h1>Home</h1>\n<p>{{ title | nosuchfilter }}</p>"));
    const error = await events.next("the error", isError);
    assert.match(error.overlay, /id="plinth-error-overlay"/);
    assert.match(error.overlay, /<p class="plinth-location">\.\/src\/index\.njk:6:\d+<\/p>/);
    assert.match(error.overlay, /<pre class="plinth-frame">[^]*&gt; 6 \| &lt;p&gt;{{ title \| nosuchfilter }}&lt;\/p&gt;/);
    assert.match(error.overlay, /<p class="plinth-hint"><strong>Hint:<\/strong> Check the spelling/);

    const report = JSON.parse((await fetchText(`${url}_plinth/errors`)).body) as { ok: boolean; errors: { code: string; message: string; location: { file: string; line?: number } | null; frame: string | null; hint: string }[] };
    assert.equal(report.ok, false);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0]!.code, "UnknownFilter");
    assert.match(report.errors[0]!.message, /nosuchfilter/);
    assert.equal(report.errors[0]!.location?.file, "./src/index.njk");
    assert.equal(report.errors[0]!.location?.line, 6);
    assert.match(report.errors[0]!.frame ?? "", /nosuchfilter/);
    assert.ok(report.errors[0]!.hint.length > 0);
    assert.match(serve.stderr, /index\.njk/, "the terminal shows the error too");
    assert.match(serve.stderr, /\[serve\] Build failed with 1 error; still serving the last good build/);

    const page = await fetchText(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /Hello again/, "the last good page is still served");
    assert.match(page.body, /<div id="plinth-error-overlay" role="alert"[^]*index\.njk[^]*<\/div><script src="\/_plinth\/client\.js"/, "and shows the overlay on load");
    const hello = await EventReader.open(`${url}_plinth/events?build=0`);
    const greeting = await hello.next("hello while broken", (m) => m.type === "hello");
    hello.close();
    assert.ok(greeting.type === "hello" && greeting.overlay?.includes("index.njk"));

    writeFileSync(src("index.njk"), good.replace("Hello again", "Hello, fixed"));
    await events.next("the good build", isUpdate);
    const fixed = await fetchText(url);
    assert.match(fixed.body, /Hello, fixed/);
    assert.doesNotMatch(fixed.body, /plinth-error-overlay/);
    assert.equal((JSON.parse((await fetchText(`${url}_plinth/errors`)).body) as { ok: boolean }).ok, true);
    assert.match(serve.stdout, /\[serve\] Fixed\./);
  });

  test("a page that connects late is told what it missed", async () => {
    const late = await EventReader.open(`${url}_plinth/events?build=1`);
    const hello = await late.next("hello", (m) => m.type === "hello");
    late.close();
    assert.ok(hello.type === "hello");
    assert.ok(hello.build > 1);
    assert.ok(hello.changes?.changed.includes("index.html"));
    assert.ok(hello.changes?.changed.includes("css/site.css"));
  });
});

describe("plinth serve --to-disk and --pathprefix", () => {
  let dir: string;
  let serve: ServeProcess;
  let url: string;
  before(async () => {
    dir = copyFixture();
    ({ serve, url } = await ServeProcess.start(dir, ["--to-disk", "--pathprefix", "/docs/"]));
  });
  after(async () => {
    await serve?.stop();
    removeDir(dir);
  });

  test("serves under the prefix", async () => {
    assert.match(url, /\/docs\/$/);
    assert.match((await fetchText(`${url}about/`)).body, /<h1>About<\/h1>/);
    const root = await fetchText(url.replace(/docs\/$/, ""));
    assert.equal(root.status, 302);
    assert.equal(root.location, "/docs/");
  });

  test("keeps the output folder in step: pages and passthrough copies, without the client", async () => {
    const out = (file: string) => path.join(dir, "_site", file);
    assert.match(readFileSync(out("index.html"), "utf8"), /<p id="greeting">Hello<\/p>/);
    assert.doesNotMatch(readFileSync(out("index.html"), "utf8"), /_plinth/);
    assert.equal(readFileSync(out("css/site.css"), "utf8"), "body { color: rgb(0, 0, 0); }\n");

    const events = await EventReader.open(`${url.replace(/docs\/$/, "")}_plinth/events?build=1`);
    try {
      writeFileSync(path.join(dir, "src", "about.md"), "---\nlayout: base.njk\ntitle: About\n---\n# About us\n");
      writeFileSync(path.join(dir, "src", "css", "site.css"), "body { color: rgb(1, 2, 3); }\n");
      await events.next("the update", (m) => isUpdate(m) && m.changes.changed.includes("about/index.html") && m.changes.changed.includes("css/site.css"));
      assert.match(readFileSync(out("about/index.html"), "utf8"), /About us/);
      assert.equal(readFileSync(out("css/site.css"), "utf8"), "body { color: rgb(1, 2, 3); }\n");
      rmSync(path.join(dir, "src", "about.md"));
      await events.next("the removal", (m) => isUpdate(m) && m.changes.removed.includes("about/index.html"));
      assert.equal(existsSync(out("about/index.html")), false);
    } finally {
      events.close();
    }
  });
});

describe("plinth serve failures", () => {
  test("a busy port is a catalogued error and exit code 1", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    const dir = copyFixture();
    try {
      const serve = ServeProcess.spawn(dir, ["--port", String(port)]);
      assert.equal(await serve.whenExited(), 1);
      assert.match(serve.stderr, /\[ServePortInUse\] The port is already in use/);
      assert.match(serve.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(serve.stderr, /--port 0/);
    } finally {
      blocker.close();
      removeDir(dir);
    }
  });

  test("an invalid port is refused before anything is built", async () => {
    const dir = copyFixture();
    try {
      const serve = ServeProcess.spawn(dir, ["--port", "80a"]);
      assert.equal(await serve.whenExited(), 1);
      assert.match(serve.stderr, /\[ServePortInvalid\]/);
      assert.equal(serve.stdout, "");
    } finally {
      removeDir(dir);
    }
  });

  test("a site that fails its first build is served as the overlay until it is fixed", async () => {
    const dir = copyFixture();
    writeFileSync(path.join(dir, "src", "about.md"), "---\nlayout: missing.njk\n---\nx\n");
    const { serve, url } = await ServeProcess.start(dir);
    try {
      const page = await fetchText(`${url}about/`);
      assert.equal(page.status, 500);
      assert.match(page.body, /plinth-error-overlay[^]*LayoutNotFound/);
      assert.match(page.body, /<script src="\/_plinth\/client\.js"/);
      const events = await EventReader.open(`${url}_plinth/events?build=0`);
      try {
        writeFileSync(path.join(dir, "src", "about.md"), "---\nlayout: base.njk\ntitle: About\n---\n# Back\n");
        await events.next("the first good build", isUpdate);
      } finally {
        events.close();
      }
      assert.match((await fetchText(`${url}about/`)).body, /<h1>Back<\/h1>/);
      // The watcher now follows the site's real folders; edits there still arrive.
      const again = await EventReader.open(`${url}_plinth/events?build=1`);
      try {
        await again.next("hello", (m) => m.type === "hello");
        writeFileSync(path.join(dir, "src", "about.md"), "---\nlayout: base.njk\ntitle: About\n---\n# Back again\n");
        await again.next("the next update", (m) => isUpdate(m) && m.changes.changed.includes("about/index.html"));
      } finally {
        again.close();
      }
      assert.match((await fetchText(`${url}about/`)).body, /<h1>Back again<\/h1>/);
    } finally {
      await serve.stop();
      removeDir(dir);
    }
  });
});
