// Outside links, checked against a server on 127.0.0.1 only: status codes, HEAD refused,
// timeouts, the concurrency limit and the cache of links that worked.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { checkExternalLinks, type ExternalUse } from "./external-links.js";

let server: Server;
let base: string;
const asked: string[] = [];
let inFlight = 0;
let mostInFlight = 0;

before(async () => {
  server = createServer((request, response) => {
    asked.push(`${request.method} ${request.url}`);
    // Only the concurrency test's requests are counted: a timed-out request of another test may still be open here.
    const counted = request.url!.startsWith("/ok/many-");
    if (counted) mostInFlight = Math.max(mostInFlight, ++inFlight);
    const done = (status: number): void => {
      if (counted) inFlight--;
      response.writeHead(status).end("body");
    };
    // Never answers: the check must give up at its timeout (the connection is closed after the tests).
    if (request.url === "/slow") return;
    else if (request.url === "/missing") done(404);
    else if (request.url === "/no-head") done(request.method === "HEAD" ? 405 : 200);
    else if (request.url === "/moved") {
      response.writeHead(301, { location: "/ok/0" }).end();
    } else if (counted) setTimeout(() => done(200), 100);
    else done(200);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function uses(...paths: string[]): Map<string, ExternalUse[]> {
  return new Map(paths.map((p, i) => [`${base}${p}`, [{ page: "index.html", line: i + 1, written: `${base}${p}` }]]));
}

test("outside links: broken statuses fail, HEAD refused falls back to GET, redirects are followed, slow ones time out", async () => {
  asked.length = 0;
  const { failures } = await checkExternalLinks(uses("/ok/1", "/missing", "/no-head", "/moved", "/slow"), {
    settings: { timeout: 1_500, concurrency: 4, cacheHours: 24 },
  });
  const byUrl = new Map(failures.map((f) => [f.url.slice(base.length), f]));
  assert.deepEqual([...byUrl.keys()].sort(), ["/missing", "/slow"]);
  assert.equal(byUrl.get("/missing")!.reason, "HTTP 404 Not Found");
  assert.equal(byUrl.get("/missing")!.timedOut, false);
  assert.equal(byUrl.get("/slow")!.timedOut, true);
  assert.equal(byUrl.get("/slow")!.uses[0]!.line, 5);
  assert.ok(asked.includes("GET /no-head"), "a 405 on HEAD is asked again with GET");
  assert.ok(asked.includes("HEAD /ok/0"), "the redirect is followed");
});

test("no more requests at once than the concurrency limit", async () => {
  mostInFlight = 0;
  const paths = Array.from({ length: 12 }, (_, i) => `/ok/many-${i}`);
  const { failures } = await checkExternalLinks(uses(...paths), { settings: { timeout: 5_000, concurrency: 3, cacheHours: 0 } });
  assert.equal(failures.length, 0);
  assert.equal(mostInFlight, 3);
});

test("links that worked are cached for cacheHours; failures are asked again", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-check-cache-"));
  try {
    const cacheFile = path.join(dir, "nested", "external.json");
    let clock = Date.UTC(2026, 0, 1);
    const options = { settings: { timeout: 5_000, concurrency: 2, cacheHours: 24 }, cacheFile, now: () => clock };
    const links = uses("/ok/cached", "/missing");
    asked.length = 0;
    assert.deepEqual((await checkExternalLinks(links, options)).cached, 0);
    assert.deepEqual(asked.sort(), ["HEAD /missing", "HEAD /ok/cached"]);

    asked.length = 0;
    clock += 23 * 3_600_000;
    const second = await checkExternalLinks(links, options);
    assert.equal(second.cached, 1);
    assert.deepEqual(asked, ["HEAD /missing"]);
    assert.equal(second.failures.length, 1);

    asked.length = 0;
    clock += 2 * 3_600_000;
    assert.equal((await checkExternalLinks(links, options)).cached, 0, "after a day the link is asked again");
    assert.deepEqual(asked.sort(), ["HEAD /missing", "HEAD /ok/cached"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
