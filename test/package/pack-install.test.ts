/**
 * The promise of the README, tried as a new user would: pack Plinth, install the tarball into
 * an existing Eleventy 1/2-era site (CommonJS `.eleventy.js`, RSS plugin 1.x, navigation 0.3,
 * markdown-it 12 with its plugins through setLibrary), and run `plinth build`, `plinth serve`
 * and `plinth members check` there through npx. The build must equal Eleventy 3.1.8's.
 * Needs the npm registry (or a warm npm cache) for the site's dependencies.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { buildWithEleventy, repoRoot } from "../compat/build-site.js";
import { compareTrees, formatComparison } from "../compat/compare-trees.js";
import { waitFor } from "../server/serve-process.js";
import { describeRun, packRepository, runCommand, userEnvironment, type PackReport } from "./packed-project.js";

const SITE_SOURCE = path.join(repoRoot(), "test", "fixtures-packaged", "eleventy-2-site");
const NPM_FLAGS = ["--prefer-offline", "--no-audit", "--no-fund"];

describe("the packed package in an Eleventy 2 site", { timeout: 240_000 }, () => {
  let work = "";
  let site = "";
  let pack: PackReport;

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "plinth-pack-"));
    site = path.join(work, "site");
    cpSync(SITE_SOURCE, site, { recursive: true });
    pack = await packRepository(work);
    const install = await runCommand("npm", ["install", ...NPM_FLAGS, pack.filename], site);
    assert.equal(install.code, 0, describeRun("npm install of the tarball", install));
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("the tarball holds the built code, the launcher, the docs and the licence, and no tests", (t) => {
    const files = pack.files.map((file) => file.path);
    t.diagnostic(`package: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked, ${pack.entryCount} files`);
    for (const wanted of ["bin/plinth.js", "dist/src/cli/main.js", "dist/src/index.js", "dist/src/members/plugin.js", "dist/src/members/plugin.cjs", "README.md", "COMPAT.md", "LICENSE", "docs/members.md", "package.json"]) {
      assert.ok(files.includes(wanted), `${wanted} is not in the package`);
    }
    const unwanted = files.filter((file) => !/^(bin|dist\/src|docs)\/|^[^/]+$/.test(file) || /\.test\.js$|\.map$/.test(file));
    assert.deepEqual(unwanted, [], "the package ships files it should not");
  });

  test("plinth build writes what Eleventy 3.1.8 writes for the same site", async () => {
    // Eleventy first, into a folder outside the site: Plinth's _site would otherwise be input to it.
    const eleventyOut = path.join(work, "eleventy-out");
    const eleventy = await buildWithEleventy(site, eleventyOut);
    assert.equal(eleventy.code, 0, describeRun("eleventy", eleventy));

    const build = await runCommand("npx", ["--no-install", "plinth", "build"], site);
    assert.equal(build.code, 0, describeRun("npx plinth build", build));
    assert.match(build.stdout, /\[build\] Wrote 23 pages and copied 2 files/);

    const comparison = await compareTrees(eleventyOut, path.join(site, "_site"));
    assert.ok(comparison.equal, formatComparison(comparison));
    // The site's own settings took effect: its markdown-it (anchors, footnotes), both plugins, the roster.
    const welcome = readFileSync(path.join(site, "_site", "posts", "2023-01-10-welcome", "index.html"), "utf8");
    assert.match(welcome, /<h2 id="what-we-do">What we do <a class="direct-link" href="#what-we-do">#<\/a><\/h2>/);
    assert.match(welcome, /<section class="footnotes">/);
    assert.match(welcome, /<li><a href="\/members\/">Members<\/a><\/li>/);
    const feed = readFileSync(path.join(site, "_site", "feed", "feed.xml"), "utf8");
    assert.match(feed, /<published>Tue, 02 May 2023 15:30:00 \+0000<\/published>/);
    assert.ok(existsSync(path.join(site, "_site", "members.json")), "the members plugin wrote no members.json");
    // `founder: yes` (YAML 1.1) is a founder, with a warning rather than a failed build.
    assert.match(readFileSync(path.join(site, "_site", "members", "index.html"), "utf8"), /Acme Corporation \(founder\)/);
    assert.match(build.stderr, /`founder: yes` is read as true here/);
  });

  test("plinth serve answers with the site's pages", async () => {
    // npx runs plinth in a child of its own: start both in a process group and stop the group.
    const child = spawn("npx", ["--no-install", "plinth", "serve", "--port", "0"], { cwd: site, env: userEnvironment(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let exited: number | null = null;
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    const closed = new Promise<void>((resolve) => child.on("close", (code) => ((exited = code ?? 1), resolve())));
    try {
      const url = await waitFor("the server's URL", () => {
        if (exited !== null) throw new Error(`npx plinth serve exited with ${exited}:\n${stdout}\n${stderr}`);
        return /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      });
      const response = await fetch(new URL("posts/2023-03-22-new-members/", url));
      assert.equal(response.status, 200);
      const body = await response.text();
      assert.match(body, /<h1>Two new members<\/h1>/);
      assert.match(body, /<h2 id="acme">Acme <a class="direct-link" href="#acme">#<\/a><\/h2>/);
    } finally {
      if (exited === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      await closed;
    }
  });

  test("plinth members check passes the site's roster", async () => {
    const check = await runCommand("npx", ["--no-install", "plinth", "members", "check"], site);
    assert.equal(check.code, 0, describeRun("npx plinth members check", check));
    assert.match(check.stdout, /2 members in 2 tiers: 0 errors, 1 warning/);
    assert.match(check.stderr, /warning: \[MemberBooleanAsText\][^\n]* members\/acme\.md:6:10/);
  });

  test("plinth/members and plinth resolve from the site, as ES module and from CommonJS", async () => {
    const esm = await runCommand(process.execPath, ["--input-type=module", "-e", 'import plugin from "plinth/members"; import { build } from "plinth"; console.log(typeof plugin, typeof build);'], site);
    assert.equal(esm.stdout.trim(), "function function", describeRun("import", esm));
    const cjs = await runCommand(process.execPath, ["-e", 'const plugin = require("plinth/members"); console.log(typeof plugin, plugin.default === plugin);'], site);
    assert.equal(cjs.stdout.trim(), "function true", describeRun("require", cjs));
  });
});
