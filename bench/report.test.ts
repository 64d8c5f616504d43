import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatSizeReport } from "./report.js";
import type { SizeResult, ToolResult } from "./results.js";

function tool(name: "eleventy" | "plinth", coldMs: number[], peakKiB: number, rebuildMs: number): ToolResult {
  return {
    tool: name,
    version: name === "plinth" ? "0.1.0" : "3.1.8",
    pages: 1065,
    cold: coldMs.map((wallMs) => ({ wallMs, peakRssKiB: peakKiB })),
    noChangeRebuild: [{ wallMs: rebuildMs, peakRssKiB: peakKiB }],
    onePostRebuild: [{ wallMs: rebuildMs * 2, peakRssKiB: peakKiB }],
  };
}

function size(overrides: Partial<SizeResult> = {}): SizeResult {
  return {
    posts: 4000,
    shape: "plain",
    tools: [tool("eleventy", [2000, 2200, 1800], 204800, 2000), tool("plinth", [500, 400, 600], 102400, 100)],
    check: { status: "identical", files: 1065 },
    rebuildChecks: [
      { status: "identical", files: 1065 },
      { status: "identical", files: 1065 },
    ],
    ...overrides,
  };
}

function tableRow(report: string, label: string): string {
  const line = report.split("\n").find((text) => text.startsWith(`| ${label}`));
  assert.ok(line, `a row starting with ${label}`);
  return line;
}

describe("formatSizeReport", () => {
  it("prints medians, range, peak memory, files and the Plinth/Eleventy ratio", () => {
    const report = formatSizeReport(size(), 3);
    assert.match(report, /^### 4,000 posts/);
    assert.match(report, /Output check: identical \(1065 files\)/);
    assert.equal(tableRow(report, "Eleventy"), "| Eleventy 3.1.8 | 2.00 s | 1.80–2.20 s | 200 MiB | 1065 | 2.00 s | 4.00 s |");
    assert.equal(tableRow(report, "Plinth 0.1.0"), "| Plinth 0.1.0 | 0.50 s | 0.40–0.60 s | 100 MiB | 1065 | 0.10 s | 0.20 s |");
    assert.equal(tableRow(report, "Plinth/Eleventy"), "| Plinth/Eleventy | 0.25× |  | 0.50× |  | 0.05× | 0.05× |");
  });

  it("strikes Plinth's figures and drops the ratio when the outputs differ", () => {
    const report = formatSizeReport(size({ check: { status: "different", report: "missing from plinth (1):\n  - feed.xml" } }), 3);
    assert.match(report, /DIFFERENT/);
    assert.match(report, /- feed\.xml/);
    assert.match(tableRow(report, "Plinth 0.1.0"), /~~0\.50 s~~/);
    assert.doesNotMatch(tableRow(report, "Eleventy"), /~~/);
    assert.equal(tableRow(report, "Plinth/Eleventy"), "| Plinth/Eleventy | – |  | – |  | – | – |");
  });

  it("keeps the cold figures when only a rebuild's output differs", () => {
    const report = formatSizeReport(
      size({ rebuildChecks: [{ status: "different", report: "differing files (1): news/a/index.html" }, { status: "identical", files: 1065 }] }),
      3,
    );
    const plinth = tableRow(report, "Plinth 0.1.0");
    assert.match(plinth, /^\| Plinth 0\.1\.0 \| 0\.50 s \|/);
    assert.match(plinth, /~~0\.10 s~~ \| ~~0\.20 s~~ \|$/);
    assert.match(tableRow(report, "Plinth/Eleventy"), /^\| Plinth\/Eleventy \| 0\.25× \|.*\| – \| – \|$/);
  });

  it("reports a failed build instead of figures", () => {
    const plinth: ToolResult = { ...tool("plinth", [], 0, 0), failure: "exited with code 1\nboom", noChangeRebuild: [], onePostRebuild: [] };
    const report = formatSizeReport(size({ tools: [tool("eleventy", [2000], 1024, 2000), plinth], check: { status: "not-compared", reason: "a build failed" } }), 1);
    assert.equal(tableRow(report, "Plinth 0.1.0"), "| Plinth 0.1.0 | failed | | | | | |");
    assert.match(report, /Plinth failed:\n\n```\nexited with code 1\nboom\n```/);
    assert.ok(!report.includes("| Plinth/Eleventy"), "no ratio without two results");
  });
});
