// `plinth check --build --external` as a user runs it in a new site: builds, then checks the
// pages and the outside links (here a server on 127.0.0.1), and says what it found.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { runCli } from "../errors/broken-site.js";
import { tempProject } from "../support/temp-project.js";

test("plinth check --build --external builds the site, then checks its pages and outside links", async () => {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    asked.push(request.url ?? "");
    response.writeHead(request.url === "/gone" ? 410 : 200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const project = tempProject("check-cli", {
    "_data/site.json": `{"url": "https://news.example"}`,
    "_includes/base.njk": `<!doctype html><title>{{ title }}</title>\n{{ content | safe }}`,
    "index.md": `---\ntitle: Home\nlayout: base.njk\n---\n[About](/about/) [Missing](/missing/) [Up](${base}/fine) [Down](${base}/gone)\n`,
    "about.md": `---\ntitle: About\nlayout: base.njk\n---\n## Who we are\n\n[Home](/) [Secure home](https://news.example/)\n`,
  });
  try {
    const result = await runCli(["check", "--build", "--external"], project.cwd);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /^\[build\] Wrote 2 pages/);
    assert.match(result.stdout, /\nerror broken-link: Links to pages that do not exist \(1\)\n {2}index\.html:2 {2}\/missing\/\n/);
    assert.ok(result.stdout.includes(`\nerror external-broken: Outside links that fail (1)\n  index.html:2  ${base}/gone  (HTTP 410 Gone)\n`), result.stdout);
    assert.match(result.stdout, /\[check\] 2 pages, 4 links followed, 2 outside links \(0 from the cache\): 2 errors, 0 warnings/);
    assert.deepEqual(asked.sort(), ["/fine", "/gone"]);

    const again = await runCli(["check", "--external", "--format", "json"], project.cwd);
    const report = JSON.parse(again.stdout) as { summary: { errors: number }; problems: { rule: string }[] };
    assert.equal(report.summary.errors, 2);
    assert.deepEqual(asked.sort(), ["/fine", "/gone", "/gone"], "the link that worked came from the cache");
  } finally {
    server.close();
    project.done();
  }
});
