// `plinth init` as a new user runs it: the site it writes builds with Plinth and, byte for
// byte, with Eleventy 3.1.8; it passes `plinth check`; a folder with files in it is refused.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildWithEleventy } from "../compat/build-site.js";
import { runCli } from "../errors/broken-site.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

test("plinth init writes a site that Plinth and Eleventy 3 build to the same bytes, and that passes plinth check", async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "plinth-init-"));
  try {
    const init = await runCli(["init", "lintel-foundation"], root);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /^\[init\] Wrote 32 files for "Lintel Foundation" in lintel-foundation\n\[init\] Next: cd lintel-foundation && npm install && npm start/);
    const site = path.join(root, "lintel-foundation");
    const pkg = JSON.parse(readFileSync(path.join(site, "package.json"), "utf8")) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.devDependencies), ["plinth"]);
    assert.equal(pkg.scripts.build, "plinth build");
    assert.equal(pkg.scripts.start, "plinth serve");
    // What `npm install` would give it: plinth in node_modules.
    mkdirSync(path.join(site, "node_modules"));
    symlinkSync(repoRoot, path.join(site, "node_modules", "plinth"), "dir");

    // Both outputs outside the site, so neither build reads the other's pages as templates.
    const built = await runCli(["build", "--output", "../_plinth"], site);
    assert.equal(built.code, 0, built.stderr);
    const eleventy = await buildWithEleventy(site, path.join(root, "_eleventy"));
    assert.equal(eleventy.code, 0, eleventy.stderr);
    const ours = tree(path.join(root, "_plinth"));
    const theirs = tree(path.join(root, "_eleventy"));
    assert.deepEqual([...ours.keys()].sort(), [...theirs.keys()].sort());
    for (const [file, bytes] of ours) assert.ok(bytes.equals(theirs.get(file)!), `${file} differs`);
    const expected = ["index.html", "news/index.html", "tags/announcement/index.html", "events/index.html", "events/community-call/index.html", "members/index.html", "about/index.html", "404.html", "news/feed.xml", "news/feed.json", "sitemap.xml", "robots.txt", "css/site.css", "members.json"];
    for (const file of expected) assert.ok(ours.has(file), `${file} is written`);
    assert.ok([...ours.keys()].some((file) => /^news\/\d{4}-\d{2}-\d{2}-welcome\/index\.html$/.test(file)), "the example post");
    assert.equal([...ours.keys()].some((file) => file.startsWith("README") || file.startsWith("_templates")), false);
    assert.match(ours.get("members/index.html")!.toString(), /<h2 id="tier-gold">Gold members<\/h2>[\s\S]*alt="Example Corp"[\s\S]*<h2 id="tier-associate">/);

    const check = await runCli(["check", "--output", "../_plinth"], site);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /: 0 errors, 0 warnings/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("plinth init refuses a folder with files in it, and with --force keeps every file that was there", async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "plinth-init-full-"));
  try {
    writeFileSync(path.join(root, "about.md"), "mine");
    const refused = await runCli(["init"], root);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^\[InitFolderNotEmpty\] The folder is not empty\n {2}\. already holds 1 file or folder \(about\.md\)\.\n {2}hint: [^\n]*--force/);
    assert.deepEqual(readdirSync(root), ["about.md"]);

    const forced = await runCli(["init", "--force", "--name", "Acme Foundation"], root);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /Wrote 31 files for "Acme Foundation" in \.; kept 1 that were there \(about\.md\)/);
    assert.equal(readFileSync(path.join(root, "about.md"), "utf8"), "mine");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
