import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseLoggedPath, parseEleventyLine } from "./incremental-eleventy-log.js";

describe("parseEleventyLine", () => {
  it("reads the summary of a full build", () => {
    assert.deepEqual(parseEleventyLine("[11ty] Wrote 1065 files in 17.92 seconds (16.8ms each, v3.1.8)"), {
      kind: "wrote",
      written: 1065,
      skipped: 0,
      copied: 0,
      seconds: 17.92,
    });
  });

  it("reads skipped and copied counts and the singular forms", () => {
    assert.deepEqual(parseEleventyLine("[11ty] Wrote 63 files (skipped 1002) in 3.14 seconds (49.8ms each, v3.1.8)"), {
      kind: "wrote",
      written: 63,
      skipped: 1002,
      copied: 0,
      seconds: 3.14,
    });
    assert.deepEqual(parseEleventyLine("[11ty] Copied 3 Wrote 1 file in 0.40 seconds (v3.1.8)"), {
      kind: "wrote",
      written: 1,
      skipped: 0,
      copied: 3,
      seconds: 0.4,
    });
  });

  it("strips colour codes and the trailing carriage return", () => {
    const coloured = "\u001b[32m[11ty] Wrote \u001b[1m2\u001b[22m files in \u001b[1m0.05\u001b[22m seconds (v3.1.8)\u001b[39m\r";
    assert.deepEqual(parseEleventyLine(coloured), { kind: "wrote", written: 2, skipped: 0, copied: 0, seconds: 0.05 });
  });

  it("reads the changed file's path without its leading ./", () => {
    assert.deepEqual(parseEleventyLine("[11ty] File changed: ./_includes/layouts/post.njk"), {
      kind: "changed",
      path: "_includes/layouts/post.njk",
    });
  });

  it("recognises the watching line, with or without the ellipsis character", () => {
    assert.deepEqual(parseEleventyLine("[11ty] Watching…"), { kind: "watching" });
    assert.deepEqual(parseEleventyLine("[11ty] Watching..."), { kind: "watching" });
  });

  it("ignores other lines, including ones that merely mention writing", () => {
    assert.equal(parseEleventyLine("[11ty] Writing ./out/news/a/index.html from ./news/a.md (liquid)"), undefined);
    assert.equal(parseEleventyLine("Wrote 3 files in 1 seconds"), undefined);
    assert.equal(parseEleventyLine("[11ty] File added: ./news/b.md"), undefined);
    assert.equal(parseEleventyLine(""), undefined);
  });
});

describe("normaliseLoggedPath", () => {
  it("drops a leading ./ and surrounding space only", () => {
    assert.equal(normaliseLoggedPath(" ./news/a.md "), "news/a.md");
    assert.equal(normaliseLoggedPath("news/./a.md"), "news/./a.md");
  });
});
