/** `plinth check`'s report: problems grouped by rule (errors first), then one summary line; or JSON. */
import type { CheckResult } from "./check-site.js";
import { CHECK_RULES, RULE_NAMES, type Problem } from "./rules.js";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

export function summaryLine(result: CheckResult, external: boolean): string {
  const { errors, warnings } = countProblems(result.problems);
  const outside = external
    ? `, ${plural(result.externalUrls, "outside link")} (${result.externalCached} from the cache)`
    : result.externalUrls > 0
      ? ` (${plural(result.externalUrls, "outside link")} not checked; --external checks them)`
      : "";
  return `[check] ${plural(result.pages, "page")}, ${plural(result.internalRefs, "link")} followed${outside}: ${plural(errors, "error")}, ${plural(warnings, "warning")} (${result.seconds.toFixed(2)} seconds)`;
}

export function textReport(result: CheckResult, external: boolean): string {
  const out: string[] = [];
  const order = [...RULE_NAMES].sort((a, b) => {
    const severity = (rule: typeof a) => (result.problems.find((p) => p.rule === rule)?.severity === "error" ? 0 : 1);
    return severity(a) - severity(b);
  });
  for (const rule of order) {
    const found = result.problems.filter((p) => p.rule === rule);
    if (found.length === 0) continue;
    out.push(`${found[0]!.severity} ${rule}: ${CHECK_RULES[rule].heading} (${found.length})`);
    for (const p of found) out.push(`  ${p.page}:${p.line}  ${p.target}${p.detail ? `  (${p.detail})` : ""}`);
    out.push("");
  }
  out.push(summaryLine(result, external));
  return `${out.join("\n")}\n`;
}

export function jsonReport(result: CheckResult): string {
  const { errors, warnings } = countProblems(result.problems);
  return `${JSON.stringify(
    {
      summary: { pages: result.pages, files: result.files, links: result.internalRefs, externalLinks: result.externalUrls, errors, warnings, seconds: result.seconds },
      problems: result.problems,
    },
    null,
    2,
  )}\n`;
}
