/**
 * Membership tiers: the defaults most foundations use, and the normalisation of a site's
 * own list (ids, display names, order, descriptions, whether featured) with located errors.
 */
import { nextLineOf } from "./data-file.js";
import type { Diagnostic, Tier } from "./types.js";
import { isRecord } from "./values.js";

export const DEFAULT_TIERS: readonly Tier[] = [
  { id: "platinum", name: "Platinum", order: 1, description: "", featured: true },
  { id: "gold", name: "Gold", order: 2, description: "", featured: true },
  { id: "silver", name: "Silver", order: 3, description: "", featured: false },
  { id: "associate", name: "Associate", order: 4, description: "For non-profits and educational institutions.", featured: false },
];

export interface TierSource {
  file: string;
  source: string;
}

function titleCase(id: string): string {
  return id.replace(/[-_]+/g, " ").replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Turns the `tiers` list of a data file into tiers sorted by order, reporting each bad entry. */
export function normalizeTiers(value: unknown, where: TierSource): { tiers: Tier[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const problem = (message: string, hint: string, line?: number): void => {
    diagnostics.push({ code: "TiersInvalid", severity: "error", message, hint, location: { file: where.file, line: line ?? 1 } });
  };
  if (!Array.isArray(value)) {
    problem("The tiers must be a list.", 'Write the tiers as a list, e.g. `[{"id": "gold", "name": "Gold", "order": 1}]`, or as `{"tiers": [...]}`.');
    return { tiers: [...DEFAULT_TIERS], diagnostics };
  }
  const tiers: Tier[] = [];
  const seen = new Set<string>();
  let previousLine = 0;
  value.forEach((entry: unknown, index) => {
    const raw = typeof entry === "string" ? { id: entry } : entry;
    if (!isRecord(raw) || typeof raw.id !== "string" || raw.id.trim() === "") {
      problem(`Tier number ${index + 1} has no \`id\`.`, 'Give every tier an `id` such as "gold"; member files name their tier by this id.', previousLine + 1);
      return;
    }
    const id = raw.id.trim();
    const line = nextLineOf(where.source, id, previousLine);
    if (line) previousLine = line;
    if (seen.has(id.toLowerCase())) {
      problem(`The tier "${id}" is declared twice.`, "Remove or rename one of the two tiers; tier ids must be unique.", line);
      return;
    }
    seen.add(id.toLowerCase());
    if (raw.order !== undefined && typeof raw.order !== "number") {
      problem(`The tier "${id}" has an order that is not a number: ${JSON.stringify(raw.order)}.`, "Write `order` as a number; lower numbers come first.", line);
    }
    if (raw.featured !== undefined && typeof raw.featured !== "boolean") {
      problem(`The tier "${id}" has \`featured\` that is not true or false.`, "Write `featured: true` or `featured: false`, without quotes.", line);
    }
    tiers.push({
      id,
      name: typeof raw.name === "string" && raw.name.trim() !== "" ? raw.name : titleCase(id),
      order: typeof raw.order === "number" ? raw.order : index + 1,
      description: typeof raw.description === "string" ? raw.description : "",
      featured: raw.featured === true,
    });
  });
  // Array.prototype.sort is stable, so tiers with the same order keep the file's order.
  tiers.sort((a, b) => a.order - b.order);
  return { tiers, diagnostics };
}

/** The tier whose id or display name matches what a member file wrote, ignoring case. */
export function findTier(tiers: readonly Tier[], value: string): Tier | undefined {
  const wanted = value.trim().toLowerCase();
  return tiers.find((tier) => tier.id.toLowerCase() === wanted) ?? tiers.find((tier) => tier.name.toLowerCase() === wanted);
}
