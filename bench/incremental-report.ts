// Formats one size of the incremental benchmark as a Markdown table: per edit kind, Plinth's
// update time beside Eleventy's rebuild time from the same run. Plinth's figures are struck
// through when its updated output differs from a full build: a fast wrong update does not count.

import type { EditKind } from "./incremental-edits.js";
import type { EditSample, IncrementalSizeResult, TreeCheck } from "./incremental-results.js";
import { median, ratio } from "./stats.js";

const KIND_LABELS: Record<EditKind, string> = {
  body: "post body",
  title: "post title",
  layout: "post layout",
};

/**
 * The nearest-rank percentile: the smallest value with at least `p`% of the values at or below it.
 * @example percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) === 9
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("no values to summarise");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const ordered = [...values].sort((a, b) => a - b);
  return ordered[Math.ceil((p / 100) * ordered.length) - 1] as number;
}

function ms(value: number | undefined): string {
  if (value === undefined) return "–";
  return value >= 10 ? `${Math.round(value).toLocaleString("en-US")} ms` : `${value.toFixed(1)} ms`;
}

function seconds(value: number | undefined): string {
  return value === undefined ? "–" : `${(value / 1000).toFixed(2)} s`;
}

/** A count's median, with the range when the edits differed: "12 (9–15)". */
export function countSpread(values: readonly number[]): string {
  if (values.length === 0) return "–";
  const low = Math.min(...values);
  const high = Math.max(...values);
  const middle = median(values);
  const shown = Number.isInteger(middle) ? String(middle) : middle.toFixed(1);
  return low === high ? shown : `${shown} (${low}–${high})`;
}

function strike(text: string, valid: boolean): string {
  return valid || text === "–" ? text : `~~${text}~~`;
}

interface KindRow {
  kind: EditKind;
  samples: EditSample[];
}

function kindsOf(samples: readonly EditSample[]): KindRow[] {
  const rows: KindRow[] = [];
  for (const sample of samples) {
    const row = rows.find((r) => r.kind === sample.kind);
    if (row) row.samples.push(sample);
    else rows.push({ kind: sample.kind, samples: [sample] });
  }
  return rows;
}

function row({ kind, samples }: KindRow, plinthValid: boolean): string {
  const plinth = samples.flatMap((s) => (s.plinth ? [s.plinth] : []));
  const eleventy = samples.flatMap((s) => (s.eleventy ? [s.eleventy] : []));
  const plinthMs = plinth.map((t) => t.ms);
  const rebuildMs = eleventy.map((t) => t.rebuildMs);
  const plinthMedian = plinthMs.length ? median(plinthMs) : undefined;
  const eleventyMedian = rebuildMs.length ? median(rebuildMs) : undefined;
  const fulls = plinth.filter((t) => t.full).length;
  const rendered = countSpread(plinth.map((t) => t.rendered)) + (fulls ? `, ${fulls} full` : "");
  const unseen = [...plinth, ...eleventy].filter((t) => !t.shown).length;
  const quotient = plinthValid ? ratio(plinthMedian, eleventyMedian) : undefined;
  return [
    "",
    `${KIND_LABELS[kind]}${unseen ? ` (${unseen} not shown)` : ""}`,
    String(Math.max(plinth.length, eleventy.length)),
    strike(ms(plinthMedian), plinthValid),
    strike(plinthMs.length ? ms(percentile(plinthMs, 90)) : "–", plinthValid),
    plinth.length ? rendered : "–",
    countSpread(plinth.map((t) => t.changed)),
    ms(eleventyMedian),
    rebuildMs.length ? ms(percentile(rebuildMs, 90)) : "–",
    eleventy.length ? ms(median(eleventy.map((t) => t.saveToWrittenMs))) : "–",
    countSpread(eleventy.map((t) => t.written)),
    quotient === undefined ? "–" : quotient < 0.01 ? `${quotient.toFixed(4)}×` : `${quotient.toFixed(2)}×`,
    "",
  ]
    .join(" | ")
    .trim();
}

function checkLine(label: string, check: TreeCheck | undefined): string | undefined {
  return check ? `  - ${label}: ${check.summary}` : undefined;
}

function failureLine(failure: string | undefined): string[] {
  return failure === undefined ? [] : [`  - **Failed:** ${failure.split("\n")[0] ?? ""}`];
}

/** The Markdown section for one size: heading, initial builds, checks, the table. */
export function formatIncrementalReport(result: IncrementalSizeResult): string {
  const { plinth, eleventy } = result;
  const plinthValid = plinth?.check?.equal !== false;
  const lines = [`### ${result.posts.toLocaleString("en-US")} posts`, ""];
  if (plinth) {
    lines.push(`- Plinth ${plinth.version}: initial build ${seconds(plinth.initialMs)} in-process${plinth.outputs ? `, ${plinth.outputs.toLocaleString("en-US")} output files` : ""}.`);
    const check = checkLine("after the edits, its output against a fresh full build", plinth.check);
    if (check) lines.push(check + (plinthValid ? "" : " **Plinth's figures are struck through.**"));
    lines.push(...failureLine(plinth.failure));
  }
  if (eleventy) {
    lines.push(`- Eleventy ${eleventy.version}: initial build ${seconds(eleventy.initialMs)} (spawn to "Watching…").`);
    for (const check of [
      checkLine("after the edits, its watch output against a fresh Eleventy build", eleventy.check),
      checkLine("that fresh Eleventy build against Plinth's output", eleventy.agreement),
    ]) {
      if (check) lines.push(check);
    }
    lines.push(...failureLine(eleventy.failure));
  }
  lines.push(
    "",
    "| edit | edits | Plinth median | Plinth p90 | pages Plinth rendered | outputs changed | Eleventy rebuild median | Eleventy p90 | Eleventy save → written, median | files Eleventy wrote | Plinth/Eleventy |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const kind of kindsOf(result.samples)) lines.push(row(kind, plinthValid));
  return lines.join("\n");
}
