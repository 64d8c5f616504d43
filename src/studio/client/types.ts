// The studio API's JSON shapes as the app reads them (docs/studio.md is the reference).

export interface SiteInfo {
  name: string;
  git: boolean;
  pathPrefix: string;
  timeZone?: string;
}

export interface Collection {
  name: string;
  label: string;
  folder: string;
  count: number;
}

export interface EntrySummary {
  path: string;
  title: string;
  date?: string | null;
  draft?: boolean;
  tags?: string[];
  url?: string | null;
}

export interface EntryPage {
  total: number;
  entries: EntrySummary[];
}

export type FieldType = "text" | "longtext" | "datetime" | "date" | "boolean" | "number" | "tags" | "select" | "image" | "url" | "yaml";

export interface Field {
  name: string;
  label?: string;
  type: FieldType;
  options?: string[];
  uploadFolder?: string;
  required?: boolean;
}

export interface Schema {
  fields: Field[];
  /** False for data-only collections (no body editor). */
  body?: boolean;
  /** The body toolbar's buttons by name, from a CMS config; null or absent for all. */
  toolbar?: string[] | null;
}

export interface Entry {
  path: string;
  raw: string;
  /** Null when the form cannot edit the front matter (invalid YAML, `---js`): see frontMatterError. */
  frontMatter: Record<string, unknown> | null;
  frontMatterError?: { message: string; hint?: string; line?: number } | null;
  revision: string;
  url?: string | null;
  /** The entry belongs to the members roster (the role policy treats it apart). */
  roster?: boolean;
  /** The entry is the studio's own settings file: changing it is for admins. */
  settings?: boolean;
}

export interface Saved {
  revision: string;
  commit?: string | null;
  path?: string;
  /** True when the save was merged with a change someone saved meanwhile: `raw` is the text stored. */
  merged?: boolean;
  raw?: string;
}

export interface Conflict {
  current: { raw: string; revision: string };
  message: string;
  /** My text as the server understood it. */
  mine?: string;
  /** The three-way merge with conflict markers where we both changed the same lines. */
  merged?: { raw: string; conflicts: number };
}

export interface Viewer {
  id: string;
  name: string;
  since: string;
}

export interface PreviewError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  field?: string;
}

export interface PreviewResult {
  url: string | null;
  /** The dev session's build number after applying the text. */
  build?: number;
  errors: PreviewError[];
}

export interface LinkingPage {
  path: string;
  url: string;
  title?: string;
}

export interface MediaFile {
  path: string;
  url: string;
  size: number;
  width?: number;
  height?: number;
  usedBy?: string[];
}

export interface MediaListing {
  folders: string[];
  files: MediaFile[];
}

export interface MemberDiagnostic {
  message: string;
  hint?: string;
  /** Relative to the input folder, like entry paths. */
  file: string;
  line?: number;
  field?: string;
  severity: "error" | "warning";
}

export interface Roster {
  enabled: boolean;
  /** The members' folder, relative to the input folder. */
  folder: string;
  /** Where member logos are kept, relative to the input folder. */
  logoFolder: string;
  tierField: string;
  diagnostics: MemberDiagnostic[];
}
