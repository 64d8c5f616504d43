// Bad input, end to end: each fixture under test/fixtures/error-<case>/ is a site that builds
// (`site/`) and the files that break it (`break/`). The site is built once, then broken (and one
// good page edited, so a build that wrote anything at all would show), then built again: the CLI
// must exit 1, print a catalogued error that names the file, line and column with a code frame and
// a hint and no stack trace, and leave the previous output folder exactly as it was.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { errorCatalog, type ErrorName } from "../../src/errors/catalog.js";
import { listErrorCases } from "../compat/fixtures.js";
import { BrokenSite, runNode, type CliResult, type RunAs, type TreeSnapshot } from "./broken-site.js";

interface ExpectedError {
  code: ErrorName;
  file: string;
  /** Other files the error may be reported in today (the location test pins the right one). */
  orIn?: string[];
  /** Where the error is; absent when the file has no meaningful line (it cannot be read). */
  line?: number;
  column?: number;
  /** The source line the frame's `>` marker must point at. */
  frameLine?: string;
  /** Set when Plinth does not yet report this location: why, and where the fix belongs. */
  locationTodo?: string;
}

interface Case {
  name: string;
  /** Set when the whole case fails today: why, and where the fix belongs. */
  todo?: string;
  errors: ExpectedError[];
  /** More text stderr must contain. */
  mentions?: string[];
  /** Breaks the site in a way a fixture file cannot (file permissions). */
  breakAtTestTime?: (site: BrokenSite) => void;
}

const cases: Case[] = [
  {
    name: "malformed-yaml",
    errors: [{ code: "FrontMatterInvalid", file: "./news/post.md", line: 3, column: 1, frameLine: "- news" }],
  },
  {
    name: "unknown-layout",
    errors: [
      {
        code: "LayoutNotFound",
        file: "./news/post.md",
        line: 3,
        column: 9,
        frameLine: "layout: missing.njk",
      },
    ],
    mentions: ['"missing.njk"'],
  },
  {
    name: "layout-cycle",
    errors: [
      {
        code: "LayoutCycle",
        file: "./_includes/outer.njk",
        orIn: ["./_includes/inner.njk"],
        line: 2,
        column: 9,
        frameLine: "layout: inner.njk",
      },
    ],
    mentions: ["./_includes/inner.njk", "./_includes/outer.njk", "./news/post.md"],
  },
  {
    name: "nunjucks-syntax",
    errors: [{ code: "TemplateSyntax", file: "./news/post.njk", line: 7, column: 9, frameLine: "<p>{{ x }</p>" }],
  },
  {
    name: "liquid-syntax",
    errors: [{ code: "TemplateSyntax", file: "./news/post.liquid", line: 5, column: 1, frameLine: "{% if title %}" }],
  },
  {
    name: "unknown-filter-nunjucks",
    errors: [{ code: "UnknownFilter", file: "./news/post.njk", line: 5, column: 15, frameLine: "<p>{{ title | shout }}</p>" }],
    mentions: ["shout"],
  },
  {
    name: "unknown-filter-liquid",
    errors: [{ code: "UnknownFilter", file: "./news/post.liquid", line: 5, column: 4, frameLine: "<p>{{ title | shout }}</p>" }],
    mentions: ["shout"],
  },
  {
    name: "throwing-filter-liquid",
    errors: [{ code: "TemplateRender", file: "./news/post.liquid", line: 5, column: 4, frameLine: "<p>{{ title | checked }}</p>" }],
    mentions: ["the filter refused the value"],
  },
  {
    name: "throwing-filter-nunjucks",
    errors: [
      {
        code: "TemplateRender",
        file: "./news/post.njk",
        line: 5,
        column: 15,
        frameLine: "<p>{{ title | checked }}</p>",
      },
    ],
    mentions: ["the filter refused the value"],
  },
  {
    name: "unreadable-file",
    errors: [{ code: "FileUnreadable", file: "./news/post.md" }],
    breakAtTestTime: (site) => chmodSync(path.join(site.dir, "news", "post.md"), 0o000),
  },
  {
    name: "invalid-json-data",
    errors: [{ code: "DataFileInvalid", file: "./_data/site.json", line: 3, column: 1, frameLine: "}" }],
  },
  {
    name: "duplicate-output",
    errors: [
      {
        code: "DuplicateOutput",
        file: "./news/b.md",
        line: 3,
        column: 12,
        frameLine: "permalink: /news/first/",
      },
    ],
    mentions: ["./news/a.md", "./news/b.md", "news/first/index.html"],
  },
  {
    name: "pagination-cycle",
    errors: [{ code: "PaginationCycle", file: "./tags.njk", line: 4, column: 12, frameLine: "pagination:" }],
    mentions: ["`collections.listing`", "./tags.njk paginates `collections` (every collection)"],
  },
  {
    name: "after-paired-shortcode",
    errors: [{ code: "UnknownFilter", file: "./news/post.njk", line: 5, column: 15, frameLine: "<p>{{ title | shout }}</p>" }],
    mentions: ["shout"],
  },
  {
    name: "several-render-errors",
    errors: [
      { code: "UnknownFilter", file: "./news/a.njk", line: 4, column: 12, frameLine: "{{ title | shout }}" },
      { code: "TemplateSyntax", file: "./news/b.liquid", line: 4, column: 1, frameLine: "{% if title %}B" },
      { code: "TemplateSyntax", file: "./news/c.njk", line: 5, column: 4, frameLine: "{% endfor %}" },
    ],
    mentions: ["failed with 3 errors"],
  },
];

const NOBODY: RunAs = { uid: 65534, gid: 65534 };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The block of stderr that belongs to one error: from its `[Code]` header to the next header. */
function errorBlock(stderr: string, code: ErrorName, files: string[]): string | undefined {
  const blocks = stderr.split(/\n(?=\[[A-Z][A-Za-z]+\] )/);
  const header = new RegExp(`^\\[${code}\\] .* in (${files.map(escape).join("|")})(:\\d+(:\\d+)?)?$`);
  return blocks.find((b) => header.test(b.split("\n")[0]!));
}

function describeRun(result: CliResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

interface Run {
  skip?: string;
  before: TreeSnapshot;
  after: TreeSnapshot;
  broken: CliResult;
}

/** Can a process running as `runAs` read `file`? Root can read anything, whatever its mode. */
async function canRead(file: string, cwd: string, runAs?: RunAs): Promise<boolean> {
  const probe = await runNode(["-e", `require("fs").readFileSync(${JSON.stringify(file)})`], cwd, runAs).catch(() => undefined);
  return probe?.code === 0;
}

async function runCase(c: Case, site: BrokenSite): Promise<Run> {
  const runAs = c.breakAtTestTime && process.getuid?.() === 0 ? NOBODY : undefined;
  if (runAs) {
    try {
      site.hand(runAs);
    } catch (error) {
      return { skip: `running as root and cannot hand the site to another user: ${(error as Error).message}`, before: new Map(), after: new Map(), broken: { code: 0, stdout: "", stderr: "" } };
    }
  }
  const good = await site.build();
  assert.equal(good.code, 0, `the good site must build first:\n${describeRun(good)}`);
  const before = site.snapshot();
  assert.ok(before.size > 0, "the good build wrote nothing");

  site.breakIt();
  appendFileSync(path.join(site.dir, "about.njk"), "<p>Edited after the good build.</p>\n");
  if (c.breakAtTestTime) {
    c.breakAtTestTime(site);
    if (await canRead(path.join(site.dir, "news", "post.md"), site.dir, runAs)) {
      return { skip: "the file stays readable to this user (root ignores file modes)", before, after: before, broken: { code: 0, stdout: "", stderr: "" } };
    }
  }
  const broken = await site.build();
  return { before, after: site.snapshot(), broken };
}

/** Runs `task` for every item, at most `limit` at a time; each item's promise settles on its own. */
function limited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R>[] {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    active--;
    queue.shift()?.();
  };
  return items.map(
    (item) =>
      new Promise<R>((resolve, reject) => {
        const start = () => {
          active++;
          task(item).then(resolve, reject).finally(next);
        };
        if (active < limit) start();
        else queue.push(start);
      }),
  );
}

test("every error-<case> folder in test/fixtures is a case here", () => {
  assert.deepEqual(listErrorCases(), cases.map((c) => `error-${c.name}`).sort());
});

// Each case is two CLI builds; three cases at a time keep two cores busy while files are written.
const sites = cases.map((c) => new BrokenSite(`error-${c.name}`));
const runs = limited(
  cases.map((c, i) => ({ c, site: sites[i]! })),
  3,
  ({ c, site }) => runCase(c, site),
);
for (const promise of runs) promise.catch(() => undefined);

after(() => {
  for (const site of sites) site.remove();
});

cases.forEach((c, index) => {
  describe(`bad input: ${c.name}`, () => {
    let run: Run;
    before(async () => {
      run = await runs[index]!;
    });

    const todo = c.todo ? { todo: c.todo } : {};
    test("the build fails with exit code 1", todo, (t) => {
      if (run.skip) return t.skip(run.skip);
      assert.equal(run.broken.code, 1, describeRun(run.broken));
    });

    test("each error is named by its catalog code, in the file at fault, with the catalog's hint", todo, (t) => {
      if (run.skip) return t.skip(run.skip);
      for (const expected of c.errors) {
        const block = errorBlock(run.broken.stderr, expected.code, [expected.file, ...(expected.orIn ?? [])]);
        assert.ok(block, `no [${expected.code}] error in ${expected.file}:\n${run.broken.stderr}`);
        assert.ok(block.includes(`  hint: ${errorCatalog[expected.code].hint}`), `no hint for ${expected.code}:\n${block}`);
      }
      for (const text of c.mentions ?? []) assert.ok(run.broken.stderr.includes(text), `stderr should mention ${text}:\n${run.broken.stderr}`);
    });

    test("no stack trace is printed", todo, (t) => {
      if (run.skip) return t.skip(run.skip);
      assert.equal(/^\s+at /m.test(run.broken.stderr), false, run.broken.stderr);
      assert.equal(run.broken.stderr.includes("internal error"), false, run.broken.stderr);
    });

    test("the previous output folder is left byte for byte as it was", todo, (t) => {
      if (run.skip) return t.skip(run.skip);
      assert.deepEqual([...run.after.keys()], [...run.before.keys()]);
      for (const [file, content] of run.before) assert.deepEqual(run.after.get(file), content, `${file} changed`);
    });

    for (const expected of c.errors.filter((e) => e.line !== undefined)) {
      const where = `${expected.file}:${expected.line}${expected.column ? `:${expected.column}` : ""}`;
      test(`${expected.code} is located at ${where} with a code frame`, c.todo ? todo : expected.locationTodo ? { todo: expected.locationTodo } : {}, (t) => {
        if (run.skip) return t.skip(run.skip);
        const block = errorBlock(run.broken.stderr, expected.code, [expected.file]);
        assert.ok(block, `no [${expected.code}] error in ${expected.file}:\n${run.broken.stderr}`);
        assert.equal(block.split("\n")[0]!.endsWith(` in ${where}`), true, `header should end with ${where}:\n${block}`);
        const marker = new RegExp(`^\\s*> ${expected.line} \\| ${escape(expected.frameLine ?? "")}$`, "m");
        assert.match(block, marker, `the frame should mark line ${expected.line}`);
        if (expected.column) {
          const frame = block.split("\n");
          const at = frame.findIndex((l) => marker.test(l));
          const caret = frame[at + 1] ?? "";
          assert.equal(caret.indexOf("^") - caret.indexOf("|") - 2, expected.column - 1, `caret under column ${expected.column}:\n${block}`);
        }
      });
    }
  });
});
