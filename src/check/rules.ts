/** The problems `plinth check` finds, each with a permanent name, a default severity and a heading for the report. */

export type Severity = "error" | "warning";

export const CHECK_RULES = {
  "broken-link": { severity: "error", heading: "Links to pages that do not exist" },
  "broken-fragment": { severity: "error", heading: "Links to a #fragment the page does not have" },
  "missing-asset": { severity: "error", heading: "Images, scripts, stylesheets and other files that are missing" },
  "invalid-url": { severity: "error", heading: "URLs that cannot be followed" },
  "img-alt-missing": { severity: "error", heading: "Images without an alt attribute" },
  "title-missing": { severity: "error", heading: "Pages without a <title>" },
  "title-duplicate": { severity: "warning", heading: "Pages with the same <title> as another page" },
  "insecure-link": { severity: "error", heading: "Links to the site's own domain over http://" },
  "external-broken": { severity: "error", heading: "Outside links that fail" },
  "external-timeout": { severity: "warning", heading: "Outside links that did not answer in time" },
} as const satisfies Record<string, { severity: Severity; heading: string }>;

export type RuleName = keyof typeof CHECK_RULES;

export const RULE_NAMES = Object.keys(CHECK_RULES) as RuleName[];

export function isRuleName(value: string): value is RuleName {
  return Object.hasOwn(CHECK_RULES, value);
}

export interface Problem {
  rule: RuleName;
  severity: Severity;
  /** The page's path in the output folder, e.g. `news/index.html`. */
  page: string;
  line: number;
  /** What the problem is about: the URL as written, the image, the title. */
  target: string;
  /** Extra detail, e.g. the HTTP status or the other page with the same title. */
  detail?: string;
}
