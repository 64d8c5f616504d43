import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { diskSource, memorySource, type OutputSource } from "./output-source.js";
import { contentType, createStaticHandler, type StaticOptions } from "./static-handler.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the path exactly as given: fetch() would normalize `..` away before it left the client. */
function raw(server: Server, urlPath: string, method = "GET"): Promise<Reply> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: urlPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function serve(options: StaticOptions): Promise<Server> {
  const server = createServer(createStaticHandler(options));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const siteFiles: [string, string][] = [
  ["index.html", "<html><body>home</body></html>"],
  ["about/index.html", "<html><body>about</body></html>"],
  ["404.html", "<html><body>custom 404</body></html>"],
  ["css/site.css", "body{}"],
  ["feed.xml", "<feed/>"],
  ["data/list.json", "[]"],
  ["img/logo.svg", "<svg/>"],
];

/** The cases every source must pass, run against memory and disk alike. */
function sharedCases(name: string, makeSource: () => OutputSource): void {
  describe(`static handler over ${name}`, () => {
    let server: Server;
    before(async () => {
      server = await serve({ source: makeSource() });
    });
    after(() => server.close());

    test("serves files with their content types", async () => {
      const cases: [string, string, string][] = [
        ["/css/site.css", "text/css; charset=utf-8", "body{}"],
        ["/feed.xml", "application/xml; charset=utf-8", "<feed/>"],
        ["/data/list.json", "application/json; charset=utf-8", "[]"],
        ["/img/logo.svg", "image/svg+xml", "<svg/>"],
      ];
      for (const [url, type, body] of cases) {
        const reply = await raw(server, url);
        assert.equal(reply.status, 200, url);
        assert.equal(reply.headers["content-type"], type, url);
        assert.equal(reply.body, body, url);
      }
    });

    test("serves index.html for directories and redirects a directory without its slash", async () => {
      assert.equal((await raw(server, "/")).body, "<html><body>home</body></html>");
      assert.equal((await raw(server, "/about/")).body, "<html><body>about</body></html>");
      const moved = await raw(server, "/about?x=1");
      assert.equal(moved.status, 301);
      assert.equal(moved.headers.location, "/about/?x=1");
    });

    test("answers unknown paths with the site's own 404 page", async () => {
      const reply = await raw(server, "/nope/");
      assert.equal(reply.status, 404);
      assert.equal(reply.body, "<html><body>custom 404</body></html>");
      assert.equal((await raw(server, "/css/")).status, 404);
    });

    test("HEAD sends headers only; other methods get 405", async () => {
      const head = await raw(server, "/css/site.css", "HEAD");
      assert.equal(head.status, 200);
      assert.equal(head.headers["content-length"], "6");
      assert.equal(head.body, "");
      const post = await raw(server, "/", "POST");
      assert.equal(post.status, 405);
      assert.equal(post.headers.allow, "GET, HEAD");
      assert.equal((await raw(server, "/", "DELETE")).status, 405);
    });

    test("never leaves the output: encoded dots, backslashes, NUL and absolute targets get 400", async () => {
      for (const url of ["/../secret.txt", "/%2e%2e/secret.txt", "/css/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..\\secret.txt", "/css%5c..%5c..%5csecret.txt", "/index.html%00", "/%zz", "http://127.0.0.1/secret.txt"]) {
        const reply = await raw(server, url);
        assert.equal(reply.status, 400, url);
        assert.doesNotMatch(reply.body, /top secret/, url);
      }
    });

    test("a doubled slash is a path inside the output, not an absolute one", async () => {
      const reply = await raw(server, "//etc/passwd");
      assert.equal(reply.status, 404);
      assert.doesNotMatch(reply.body, /root:/);
      const redirect = await raw(server, "//about");
      assert.equal(redirect.headers.location, "/about/", "a redirect must never point at another host");
    });
  });
}

const memoryFiles = new Map<string, string | Buffer>(siteFiles);
sharedCases("memory", () => memorySource(memoryFiles));

const tmp = mkdtempSync(path.join(os.tmpdir(), "plinth-static-"));
const root = path.join(tmp, "site");
for (const [relative, content] of siteFiles) {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
}
writeFileSync(path.join(tmp, "secret.txt"), "top secret");
mkdirSync(path.join(tmp, "outside"));
writeFileSync(path.join(tmp, "outside", "inner.txt"), "top secret too");
symlinkSync(path.join(tmp, "secret.txt"), path.join(root, "leak.txt"));
symlinkSync(path.join(tmp, "outside"), path.join(root, "leakdir"));
symlinkSync(path.join(root, "css", "site.css"), path.join(root, "alias.css"));
after(() => rmSync(tmp, { recursive: true, force: true }));
sharedCases("disk", () => diskSource(root));

describe("static handler over disk: symlinks", () => {
  let server: Server;
  before(async () => {
    server = await serve({ source: diskSource(root) });
  });
  after(() => server.close());

  test("symlinks that point out of the output are not served", async () => {
    for (const url of ["/leak.txt", "/leakdir/inner.txt", "/leakdir/"]) {
      const reply = await raw(server, url);
      assert.equal(reply.status, 404, url);
      assert.doesNotMatch(reply.body, /top secret/, url);
    }
  });

  test("symlinks that stay inside the output are served", async () => {
    assert.equal((await raw(server, "/alias.css")).body, "body{}");
  });
});

describe("static handler with a path prefix and HTML decoration", () => {
  let server: Server;
  before(async () => {
    server = await serve({
      source: memorySource(memoryFiles),
      pathPrefix: "/docs/",
      decorateHtml: (html, served) => html.replace("</body>", `<i>${served.status} ${served.relative}</i></body>`),
    });
  });
  after(() => server.close());

  test("serves under the prefix and sends the bare root to it", async () => {
    assert.match((await raw(server, "/docs/about/")).body, /about/);
    const root = await raw(server, "/");
    assert.equal(root.status, 302);
    assert.equal(root.headers.location, "/docs/");
    assert.equal((await raw(server, "/docs")).headers.location, "/docs/");
    assert.equal((await raw(server, "/docs/about")).headers.location, "/docs/about/");
    assert.equal((await raw(server, "/about/")).status, 404);
  });

  test("decorates HTML responses only, including the 404 page, and recomputes the length", async () => {
    const page = await raw(server, "/docs/about/");
    assert.equal(page.body, "<html><body>about<i>200 about/index.html</i></body></html>");
    assert.equal(Number(page.headers["content-length"]), Buffer.byteLength(page.body));
    assert.equal((await raw(server, "/docs/missing")).body, "<html><body>custom 404<i>404 404.html</i></body></html>");
    assert.equal((await raw(server, "/docs/css/site.css")).body, "body{}");
    assert.equal(memoryFiles.get("about/index.html"), "<html><body>about</body></html>", "the stored output is untouched");
  });
});

describe("static handler failures", () => {
  test("an exception while answering is a 500, not a crash", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    const server = await serve({
      source: {
        read: () => {
          throw new Error("disk on fire");
        },
      },
    });
    try {
      assert.equal((await raw(server, "/x")).status, 500);
      assert.equal((await raw(server, "/")).status, 500);
      assert.equal(errors.length, 2);
    } finally {
      console.error = original;
      server.close();
    }
  });

  test("content types fall back to octet-stream", () => {
    assert.equal(contentType("a/b.unknown"), "application/octet-stream");
    assert.equal(contentType("A.HTML"), "text/html; charset=utf-8");
  });
});
