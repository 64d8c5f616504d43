import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { checkExpectations, listErrorCases, listFixtures, loadFixture, strayFixtureFolders, type FileExpectation } from "./fixtures.js";

async function withOutput(files: Record<string, string>, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "plinth-expect-"));
  try {
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
    await run(dir);
  } finally {
    await rm(dir, { recursive: true });
  }
}

function expectations(entries: Record<string, FileExpectation>) {
  return { files: new Map(Object.entries(entries)) };
}

test("contains, lacks, order and absent all pass on matching output", async () => {
  await withOutput({ "index.html": "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", "feed.xml": "<feed/>" }, async (dir) => {
    const failures = await checkExpectations(
      dir,
      expectations({
        "index.html": { contains: ["<ul><li>a</li>"], lacks: ["<li>c</li>"], order: ["<li>a</li>", "<li>b</li>"] },
        "feed.xml": { contains: ["<feed/>"] },
        "missing.html": { absent: true },
      }),
    );
    assert.deepEqual(failures, []);
  });
});

test("each kind of expectation reports its own failure", async () => {
  await withOutput({ "index.html": "<p>b</p><p>a</p>", "extra.html": "x" }, async (dir) => {
    const failures = await checkExpectations(
      dir,
      expectations({
        "index.html": { contains: ["<p>c</p>"], lacks: ["<p>a</p>"], order: ["<p>a</p>", "<p>b</p>"] },
        "extra.html": { absent: true },
        "gone.html": { contains: [] },
      }),
    );
    assert.equal(failures.length, 5);
    assert.match(failures[0] ?? "", /index\.html: should contain "<p>c<\/p>"/);
    assert.match(failures[1] ?? "", /should not contain "<p>a<\/p>"/);
    assert.match(failures[2] ?? "", /in order/);
    assert.match(failures[3] ?? "", /extra\.html: should not be written/);
    assert.match(failures[4] ?? "", /gone\.html: was not written/);
  });
});

test("a needle with whitespace between tags must match that whitespace exactly", async () => {
  await withOutput({ "index.html": "<ul><li>a</li></ul>", "notes.txt": "a  b" }, async (dir) => {
    const strict = await checkExpectations(dir, expectations({ "index.html": { contains: ["<ul>\n  <li>a</li>"] } }));
    assert.equal(strict.length, 1);
    const text = await checkExpectations(dir, expectations({ "notes.txt": { contains: ["a b"] } }));
    assert.equal(text.length, 1, "non-markup files are never normalised");
  });
});

test("every fixture folder with an expect.json loads and has a site in it", () => {
  const names = listFixtures();
  assert.ok(names.length >= 45, `expected at least 45 fixtures, found ${names.length}`);
  for (const name of names) {
    const fixture = loadFixture(name);
    assert.ok(fixture.expectations.files.size > 0, `${name}: expect.json checks nothing`);
    assert.ok(existsSync(fixture.dir), name);
    assert.ok(Array.isArray(fixture.settings.args), name);
  }
});

test("every folder in test/fixtures is a differential case or an error case", () => {
  assert.deepEqual(
    strayFixtureFolders(),
    [],
    "a fixture folder needs an expect.json (differential: built by both tools and compared) or must be an error-<case> with a site/ folder (test/errors); put other sites elsewhere",
  );
  assert.ok(listErrorCases().length >= 10, "the error cases are found");
});
