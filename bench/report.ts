// Formats one size's results as a Markdown table, Plinth beside Eleventy, with the ratio
// from the same run. A Plinth figure from a build whose output differs is not a result.

import type { Measurement } from "./measure.js";
import type { OutputCheck, SizeResult, ToolResult } from "./results.js";
import { median, ratio } from "./stats.js";
import { toolLabel } from "./tools.js";

/** Lines of a mismatch report kept in the printed table; the JSON keeps the rest. */
const MAX_REPORT_LINES = 60;

function medianWall(samples: readonly Measurement[]): number | undefined {
  return samples.length === 0 ? undefined : median(samples.map((sample) => sample.wallMs));
}

/** The highest peak over the runs: memory limits are about the worst run, not the typical one. */
function peakRss(samples: readonly Measurement[]): number | undefined {
  const peaks = samples.flatMap((sample) => (sample.peakRssKiB === undefined ? [] : [sample.peakRssKiB]));
  return peaks.length === 0 ? undefined : Math.max(...peaks);
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? "–" : `${(ms / 1000).toFixed(2)} s`;
}

function range(samples: readonly Measurement[]): string {
  if (samples.length === 0) return "–";
  const walls = samples.map((sample) => sample.wallMs);
  return `${(Math.min(...walls) / 1000).toFixed(2)}–${(Math.max(...walls) / 1000).toFixed(2)} s`;
}

function mebibytes(kib: number | undefined): string {
  return kib === undefined ? "–" : `${Math.round(kib / 1024)} MiB`;
}

function times(value: number | undefined): string {
  return value === undefined ? "–" : `${value.toFixed(2)}×`;
}

function isValid(check: OutputCheck): boolean {
  return check.status !== "different";
}

function describeCheck(label: string, check: OutputCheck): string {
  switch (check.status) {
    case "identical":
      return `${label}: identical (${check.files} files)`;
    case "not-compared":
      return `${label}: not compared (${check.reason})`;
    case "different": {
      const lines = check.report.split("\n");
      const shown = lines.slice(0, MAX_REPORT_LINES).join("\n");
      const more = lines.length > MAX_REPORT_LINES ? `\n... ${lines.length - MAX_REPORT_LINES} more lines in the JSON results` : "";
      return `**${label}: DIFFERENT.** Plinth's figures that depend on it are struck through: a wrong build does not count.\n\n\`\`\`\n${shown}${more}\n\`\`\``;
    }
  }
}

interface Validity {
  cold: boolean;
  rebuilds: boolean;
}

/** Figures from a build whose output is wrong are struck through, never shown as results. */
function strike(text: string, valid: boolean): string {
  return valid || text === "–" ? text : `~~${text}~~`;
}

function row(result: ToolResult, validity: Validity): string {
  const label = `${toolLabel(result.tool)} ${result.version}`;
  if (result.failure !== undefined) return `| ${label} | failed | | | | | |`;
  return [
    "",
    label,
    strike(seconds(medianWall(result.cold)), validity.cold),
    strike(range(result.cold), validity.cold),
    strike(mebibytes(peakRss(result.cold)), validity.cold),
    String(result.pages ?? "–"),
    strike(seconds(medianWall(result.noChangeRebuild)), validity.rebuilds),
    strike(seconds(medianWall(result.onePostRebuild)), validity.rebuilds),
    "",
  ].join(" | ").trim();
}

function ratioRow(plinth: ToolResult, eleventy: ToolResult, validity: Validity): string {
  const of = (pick: (result: ToolResult) => number | undefined, valid: boolean): string =>
    valid ? times(ratio(pick(plinth), pick(eleventy))) : "–";
  return [
    "",
    "Plinth/Eleventy",
    of((r) => medianWall(r.cold), validity.cold),
    "",
    of((r) => peakRss(r.cold), validity.cold),
    "",
    of((r) => medianWall(r.noChangeRebuild), validity.rebuilds),
    of((r) => medianWall(r.onePostRebuild), validity.rebuilds),
    "",
  ].join(" | ").trim();
}

/** One line per check, or a single line when nothing could be compared. */
function describeChecks(result: SizeResult): string[] {
  const checks = [result.check, ...result.rebuildChecks];
  if (checks.every((check) => check.status === "not-compared")) return [describeCheck("Output check", result.check)];
  const labels = ["Output check", "After the one-post edit", "After restoring the post"];
  return checks.map((check, index) => describeCheck(labels[index] ?? "Check", check));
}

/** The Markdown section for one size: heading, output checks, the table and any failures. */
export function formatSizeReport(result: SizeResult, runs: number): string {
  const coldValid = isValid(result.check);
  const rebuildsValid = result.rebuildChecks.every(isValid);
  const lines = [
    `### ${result.posts.toLocaleString("en-US")} posts, ${result.shape === "real" ? "real-site shape (own markdown-it, full-content RSS feed, 300 images)" : "plain shape"}`,
    "",
    ...describeChecks(result),
    "",
    `| tool | cold build (median of ${runs}) | range | peak RSS | files written | no-change rebuild | one-post-changed rebuild |`,
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  const validity: Validity = { cold: coldValid, rebuilds: coldValid && rebuildsValid };
  for (const tool of result.tools) {
    lines.push(row(tool, tool.tool === "plinth" ? validity : { cold: true, rebuilds: true }));
  }
  const plinth = result.tools.find((tool) => tool.tool === "plinth");
  const eleventy = result.tools.find((tool) => tool.tool === "eleventy");
  if (plinth && eleventy && plinth.failure === undefined && eleventy.failure === undefined) {
    lines.push(ratioRow(plinth, eleventy, validity));
  }
  for (const tool of result.tools) {
    if (tool.failure !== undefined) lines.push("", `${toolLabel(tool.tool)} failed:`, "", "```", tool.failure, "```");
  }
  return lines.join("\n");
}
