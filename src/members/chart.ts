/**
 * Membership over time: a stacked bar per year of members by tier, drawn at build time as a
 * static, accessible SVG (a title, a text description of every number, a tooltip per bar).
 */
import type { PublicMember, Tier } from "./types.js";
import { escapeXml } from "./xml.js";

export interface YearCounts {
  year: number;
  /** Members at the end of the year, by tier id. */
  byTier: Record<string, number>;
  total: number;
}

const PALETTE = ["#3b4a5a", "#a8741a", "#7d8b99", "#2f7d6d", "#7b4fa0", "#b0413e", "#3c6fb0", "#6b8e23"];

/**
 * Members in place at the end of each year, from the first join to the last join or leave.
 * Pending members have not joined yet; members without a join date, or lapsed without a
 * `left` date, cannot be placed in time and are left out (the description says how many).
 */
export function membershipByYear(members: readonly PublicMember[], tiers: readonly Tier[]): { years: YearCounts[]; undated: number } {
  const placed = members.filter((m) => m.status !== "pending" && m.joined !== null && !(m.status === "lapsed" && m.left === null));
  const undated = members.filter((m) => m.status !== "pending").length - placed.length;
  if (placed.length === 0) return { years: [], undated };
  const eventYears = placed.flatMap((m) => [m.joined!, ...(m.left ? [m.left] : [])]).map((date) => Number(date.slice(0, 4)));
  const first = Math.min(...eventYears);
  const last = Math.max(...eventYears);
  const years: YearCounts[] = [];
  for (let year = first; year <= last; year++) {
    const endOfYear = `${year}-12-31`;
    const byTier: Record<string, number> = Object.fromEntries(tiers.map((tier) => [tier.id, 0]));
    for (const member of placed) {
      if (member.joined! <= endOfYear && (member.left === null || member.left > endOfYear)) byTier[member.tier] = (byTier[member.tier] ?? 0) + 1;
    }
    years.push({ year, byTier, total: Object.values(byTier).reduce((a, b) => a + b, 0) });
  }
  return { years, undated };
}

/** A round whole-number step (1, 2, 5 times a power of ten) giving about four gridlines. */
function niceStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= rough)!;
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

export interface ChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

export function membershipChartSvg(members: readonly PublicMember[], tiers: readonly Tier[], options: ChartOptions = {}): string {
  const { years, undated } = membershipByYear(members, tiers);
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const title = options.title ?? (years.length ? `Members by tier, ${years[0]!.year}–${years.at(-1)!.year}` : "Members by tier");
  const shown = tiers.filter((tier) => years.some((y) => (y.byTier[tier.id] ?? 0) > 0));
  const colour = new Map(tiers.map((tier, index) => [tier.id, PALETTE[index % PALETTE.length]!]));

  const summary = years.length === 0
    ? "No member has a join date yet."
    : years.map((y) => `${y.year}: ${y.total} (${shown.map((t) => `${t.name} ${y.byTier[t.id] ?? 0}`).join(", ")})`).join("; ") + ".";
  const note = undated > 0 ? ` ${undated} member${undated === 1 ? "" : "s"} without dates ${undated === 1 ? "is" : "are"} not shown.` : "";

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="members-chart-title members-chart-desc" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<title id="members-chart-title">${escapeXml(title)}</title>`);
  out.push(`<desc id="members-chart-desc">Members at the end of each year. ${escapeXml(summary)}${escapeXml(note)}</desc>`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  if (years.length === 0) {
    out.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#333">No membership history yet</text>`);
    out.push("</svg>");
    return `${out.join("\n")}\n`;
  }

  const left = 40, right = 16, top = 40, bottom = 32;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const step = niceStep(Math.max(...years.map((y) => y.total)));
  const max = step * Math.ceil(Math.max(...years.map((y) => y.total)) / step);
  const y = (value: number): number => top + plotHeight - (value / max) * plotHeight;

  // Legend: a swatch and the tier's name, so colour is never the only label.
  let legendX = left;
  out.push(`<g aria-hidden="true">`);
  for (const tier of shown) {
    out.push(`<rect x="${legendX}" y="12" width="12" height="12" fill="${colour.get(tier.id)}"/><text x="${legendX + 16}" y="22" fill="#333">${escapeXml(tier.name)}</text>`);
    legendX += 28 + tier.name.length * 7;
  }
  out.push("</g>");

  for (let value = 0; value <= max; value += step) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${round(y(value))}" y2="${round(y(value))}" stroke="#ddd"/><text x="${left - 6}" y="${round(y(value) + 4)}" text-anchor="end" fill="#555">${round(value)}</text>`);
  }

  const slot = plotWidth / years.length;
  const barWidth = Math.min(48, slot * 0.7);
  for (const [index, year] of years.entries()) {
    const x = left + slot * index + (slot - barWidth) / 2;
    let stacked = 0;
    out.push(`<g>`);
    for (const tier of shown) {
      const count = year.byTier[tier.id] ?? 0;
      if (count === 0) continue;
      const y0 = y(stacked + count);
      out.push(`<rect x="${round(x)}" y="${round(y0)}" width="${round(barWidth)}" height="${round(y(stacked) - y0)}" fill="${colour.get(tier.id)}"><title>${escapeXml(`${tier.name}, ${year.year}: ${count} member${count === 1 ? "" : "s"}`)}</title></rect>`);
      stacked += count;
    }
    out.push(`<text x="${round(x + barWidth / 2)}" y="${height - bottom + 16}" text-anchor="middle" fill="#333">${year.year}</text>`);
    out.push(`</g>`);
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
