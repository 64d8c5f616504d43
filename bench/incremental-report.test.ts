import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { EditSample, IncrementalSizeResult } from "./incremental-results.js";
import { countSpread, formatIncrementalReport, percentile } from "./incremental-report.js";

describe("percentile", () => {
  it("takes the nearest rank, whatever the input order", () => {
    assert.equal(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90), 9);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 90), 14);
    assert.equal(percentile([5, 1, 3], 50), 3);
    assert.equal(percentile([7], 90), 7);
    assert.equal(percentile([1, 2, 3], 100), 3);
  });

  it("refuses an empty list and a percentile out of range", () => {
    assert.throws(() => percentile([], 90), /no values/);
    assert.throws(() => percentile([1], 0), /percentile/);
    assert.throws(() => percentile([1], 101), /percentile/);
  });
});

describe("countSpread", () => {
  it("shows one number when every edit agreed, else the median and range", () => {
    assert.equal(countSpread([3, 3, 3]), "3");
    assert.equal(countSpread([9, 15, 12]), "12 (9–15)");
    assert.equal(countSpread([1, 2]), "1.5 (1–2)");
    assert.equal(countSpread([]), "–");
  });
});

function sample(kind: EditSample["kind"], revision: number, plinthMs: number, eleventyMs: number, shown = true): EditSample {
  return {
    kind,
    file: "news/a.md",
    post: "news/a.md",
    revision,
    plinth: { ms: plinthMs, rendered: kind === "body" ? 1 : 40, changed: kind === "body" ? 1 : 40, removed: 0, full: false, shown },
    eleventy: { saveToWrittenMs: eleventyMs + 200, rebuildMs: eleventyMs, reportedMs: eleventyMs, written: 63, skipped: 1000, shown: true },
  };
}

function sizeResult(equal: boolean): IncrementalSizeResult {
  const check = { equal, compared: 1065, missing: [], extra: [], differing: equal ? [] : ["news/index.html"], summary: equal ? "identical (1065 files)" : "1 differing (news/index.html)" };
  return {
    posts: 1000,
    plinth: { version: "0.1.0", initialMs: 2500, outputs: 1065, check },
    eleventy: { version: "3.1.8", initialMs: 9000 },
    samples: [sample("body", 1, 10, 2000), sample("body", 2, 20, 3000), sample("body", 3, 30, 4000), sample("title", 4, 50, 3000, false)],
  };
}

describe("formatIncrementalReport", () => {
  it("has one row per edit kind with medians, counts and the ratio of medians", () => {
    const text = formatIncrementalReport(sizeResult(true));
    assert.match(text, /^### 1,000 posts/);
    assert.match(text, /identical \(1065 files\)/);
    const body = text.split("\n").find((line) => line.startsWith("| post body |"));
    assert.equal(body, "| post body | 3 | 20 ms | 30 ms | 1 | 1 | 3,000 ms | 4,000 ms | 3,200 ms | 63 | 0.0067× |");
  });

  it("says when an edit did not show in the output", () => {
    assert.match(formatIncrementalReport(sizeResult(true)), /\| post title \(1 not shown\) \| 1 \|/);
  });

  it("strikes Plinth's figures through and drops the ratio when its output differs from a full build", () => {
    const text = formatIncrementalReport(sizeResult(false));
    assert.match(text, /1 differing \(news\/index\.html\) \*\*Plinth's figures are struck through\.\*\*/);
    const body = text.split("\n").find((line) => line.startsWith("| post body |"));
    assert.equal(body, "| post body | 3 | ~~20 ms~~ | ~~30 ms~~ | 1 | 1 | 3,000 ms | 4,000 ms | 3,200 ms | 63 | – |");
  });
});
