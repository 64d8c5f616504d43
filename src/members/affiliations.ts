/**
 * The foundation's own memberships in other organisations ("Associate Member of the OpenInfra
 * Foundation"), declared in `_data/affiliations.json|yaml` and checked like member files.
 */
import { lineOf, nextLineOf, readDataFile } from "./data-file.js";
import { parseMemberDate } from "./dates.js";
import type { Affiliation, Diagnostic } from "./types.js";
import { isWebUrl } from "./validate.js";
import { isRecord, text } from "./values.js";

export function loadAffiliations(dataDir: string): { affiliations: Affiliation[]; diagnostics: Diagnostic[] } {
  const read = readDataFile(dataDir, "affiliations");
  if (read.kind === "absent") return { affiliations: [], diagnostics: [] };
  if (read.kind === "invalid") return { affiliations: [], diagnostics: [read.diagnostic] };
  const { file, source, value } = read.data;
  const diagnostics: Diagnostic[] = [];
  const problem = (message: string, line: number | undefined, hint?: string): void => {
    diagnostics.push({ code: "AffiliationInvalid", severity: "error", message, hint, location: { file, line: line ?? 1 } });
  };
  const list = isRecord(value) && Array.isArray(value.affiliations) ? value.affiliations : value;
  if (!Array.isArray(list)) {
    problem("The affiliations must be a list.", 1);
    return { affiliations: [], diagnostics };
  }
  const affiliations: Affiliation[] = [];
  let previousLine = 0;
  list.forEach((entry: unknown, index) => {
    const raw = isRecord(entry) ? entry : {};
    const organisation = text(raw.organisation ?? raw.organization ?? raw.name);
    const line = organisation ? nextLineOf(source, organisation, previousLine) : previousLine + 1;
    if (line) previousLine = line;
    if (!organisation) {
      problem(`Affiliation number ${index + 1} has no \`organisation\`.`, line, 'Add `"organisation": "OpenInfra Foundation"`.');
      return;
    }
    const url = text(raw.url);
    if (raw.url !== undefined && (url === null || !isWebUrl(url))) {
      problem(`The url of "${organisation}" is not a valid web address: ${JSON.stringify(raw.url)}.`, lineOf(source, "url", previousLine) ?? line, "Write a full address starting with `https://`.");
    }
    const since = parseMemberDate(raw.since);
    if (!since.ok) problem(`\`since\` of "${organisation}" is not a date: ${JSON.stringify(raw.since)}.`, lineOf(source, "since", previousLine) ?? line, "Write dates as `YYYY-MM-DD`.");
    affiliations.push({
      organisation,
      url: url !== null && isWebUrl(url) ? url : null,
      tier: text(raw.tier),
      since: since.ok ? since.date : null,
      description: text(raw.description),
    });
  });
  return { affiliations, diagnostics };
}
