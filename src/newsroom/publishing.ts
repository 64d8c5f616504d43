/**
 * Whether a page is published now: drafts (`draft: true`) and scheduled pages (a `publishDate`,
 * or a `date`, in the future) are held back unless the build asks for them.
 */

export type PublishState = { state: "published" } | { state: "draft" } | { state: "scheduled"; due: Date };

export interface PublishingSwitches {
  /** Build drafts too (`plinth build --drafts`, `PLINTH_DRAFTS=1`, or while serving). */
  drafts: boolean;
  /** Build scheduled pages too (`plinth build --future`, `PLINTH_FUTURE=1`, or while serving). */
  future: boolean;
}

function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** `publishDate` wins over `date`; a `date` such as "Last Modified" is not a schedule. */
export function publishState(data: Record<string, unknown>, now: Date): PublishState {
  if (data.draft === true) return { state: "draft" };
  const due = asDate(data.publishDate) ?? asDate(data.date);
  if (due && due.getTime() > now.getTime()) return { state: "scheduled", due };
  return { state: "published" };
}

function on(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** The switches from the environment, so the same flags work under Eleventy: `PLINTH_DRAFTS=1 npx @11ty/eleventy`. */
export function publishingSwitches(env: NodeJS.ProcessEnv = process.env): PublishingSwitches {
  const serving = env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch";
  return { drafts: serving || on(env.PLINTH_DRAFTS), future: serving || on(env.PLINTH_FUTURE) };
}

/** The visible mark put at the top of a held-back page that is shown anyway. */
export function holdBackMark(state: PublishState): string {
  if (state.state === "published") return "";
  const text = state.state === "draft" ? "Draft" : `Scheduled for ${state.due.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<p class="plinth-draft-mark" role="note" style="background:#fff3bf;color:#5c3c00;border:2px solid #e8b600;padding:.25em .75em;font-weight:bold">${text}</p>\n\n`;
}
