// `plinth check` over a built site with a known list of problems: it must find exactly those,
// no more and no fewer, print them grouped with page, line and target, and exit 1.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "../errors/broken-site.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = path.join(repoRoot, "test", "fixtures-check", "broken-site");
const expected = JSON.parse(readFileSync(path.join(fixture, "expected.json"), "utf8")) as { problems: string[]; errors: number; warnings: number };

interface JsonReport {
  summary: { pages: number; errors: number; warnings: number };
  problems: { rule: string; severity: string; page: string; line: number; target: string; detail?: string }[];
}

test("plinth check finds exactly the broken site's problems", async () => {
  const result = await runCli(["check", "--output", "built", "--format", "json"], fixture);
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout) as JsonReport;
  const found = report.problems.map((p) => `${p.rule} ${p.page}:${p.line} ${p.target}`);
  assert.deepEqual([...found].sort(), [...expected.problems].sort());
  assert.equal(report.summary.errors, expected.errors);
  assert.equal(report.summary.warnings, expected.warnings);
  assert.equal(report.summary.pages, 7);
  const duplicate = report.problems.find((p) => p.rule === "title-duplicate" && p.page === "news/index.html");
  assert.equal(duplicate?.detail, "also the title of /news/first-post/");
});

test("the text report groups problems by rule, errors first, each with page:line and target", async () => {
  const result = await runCli(["check", "--output", "built"], fixture);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^error broken-link: Links to pages that do not exist \(4\)\n {2}about\/index\.html:7 {2}team\.html\n {2}index\.html:13 {2}\/news\/missing-post\/\n/);
  assert.match(result.stdout, /\nwarning title-duplicate: Pages with the same <title> as another page \(2\)\n/);
  assert.ok(result.stdout.indexOf("warning title-duplicate") > result.stdout.indexOf("error insecure-link"), "warnings come after errors");
  assert.match(result.stdout, /\n\[check\] 7 pages, \d+ links followed \(1 outside link not checked; --external checks them\): 16 errors, 2 warnings \(\d+\.\d\d seconds\)\n$/);
});

test("without the site's URL, absolute links to its domain are outside links; --site-url names it", async () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), "plinth-check-url-"));
  try {
    cpSync(fixture, copy, { recursive: true });
    rmSync(path.join(copy, "_data"), { recursive: true });
    const without = JSON.parse((await runCli(["check", "--output", "built", "--format", "json"], copy)).stdout) as JsonReport;
    assert.equal(without.problems.some((p) => p.target.startsWith("https://broken.example/") || p.rule === "insecure-link"), false);
    const named = JSON.parse((await runCli(["check", "--output", "built", "--format", "json", "--site-url", "https://BROKEN.example/"], copy)).stdout) as JsonReport;
    assert.equal(named.problems.length, expected.problems.length);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("rules can be turned off or down in plinth.json, and a clean site exits 0", async () => {
  const copy = mkdtempSync(path.join(os.tmpdir(), "plinth-check-rules-"));
  try {
    cpSync(fixture, copy, { recursive: true });
    const rules = Object.fromEntries(["broken-link", "broken-fragment", "missing-asset", "invalid-url", "img-alt-missing", "title-missing"].map((rule) => [rule, "off"]));
    writeFileSync(path.join(copy, "plinth.json"), JSON.stringify({ check: { rules: { ...rules, "insecure-link": "warning" }, ignorePages: ["/drafts/*"] } }));
    const result = await runCli(["check", "--output", "built"], copy);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /warning insecure-link: .*\(1\)\n {2}index\.html:17 {2}http:\/\/broken\.example\/about\/\n/);
    assert.match(result.stdout, /: 0 errors, 3 warnings /);

    writeFileSync(path.join(copy, "plinth.json"), JSON.stringify({ check: { rules: { "broken-links": "off" } } }));
    const bad = await runCli(["check", "--output", "built"], copy);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /\[CheckConfigInvalid\][\s\S]*unknown rule "broken-links"/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test("a missing output folder is a clear error naming --build", async () => {
  const result = await runCli(["check", "--output", "nope"], fixture);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /\[CheckOutputMissing\] There is no built site to check\n {2}No built site at nope\.[\s\S]*--build/);
});
