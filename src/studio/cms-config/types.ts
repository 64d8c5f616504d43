/**
 * The studio's schema overrides: what a site says explicitly about its content, from its own
 * `studio.config.yml` or read from another CMS's config (CloudCannon, Decap/Sveltia), laid
 * over what the studio infers from the values. Every key is optional; an absent key leaves
 * the inferred value.
 */

export const FIELD_TYPES = ["text", "longtext", "datetime", "date", "boolean", "number", "tags", "select", "image", "url", "yaml"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The body editor's toolbar buttons a site may choose from. */
export const TOOLBAR_BUTTONS = ["bold", "italic", "underline", "strike", "code", "link", "heading", "list", "ordered-list", "quote", "image", "table", "embed", "undo"] as const;
export type ToolbarButton = (typeof TOOLBAR_BUTTONS)[number];

export interface FieldOverride {
  type?: FieldType;
  label?: string;
  /** Help shown under the field. */
  hint?: string;
  /** The choices of a select, or the suggestions of a tags field. */
  options?: string[];
  /** Where uploads for this field go, relative to the input folder. */
  uploadFolder?: string;
  required?: boolean;
  /** Not shown in the form (the value is kept as it is). */
  hidden?: boolean;
  /** Value given to a new entry. */
  default?: unknown;
}

export interface CollectionOverride {
  /** The key the studio and the API know the collection by. */
  name: string;
  label?: string;
  /** Folder of its entries, relative to the input folder. */
  folder?: string;
  /** For a collection that is one data file (`_data/board.yml`), its path. */
  file?: string;
  /** False for data-only editing: front matter as a form, no body editor. */
  body?: boolean;
  fields: Record<string, FieldOverride>;
  /** The fields in the order the config lists them. */
  fieldOrder?: string[];
  uploadFolder?: string;
  toolbar?: ToolbarButton[];
}

export interface ConfigDiagnostic {
  code: "CmsConfigInvalid";
  severity: "error" | "warning";
  message: string;
  /** Relative to the working folder. */
  file: string;
  line?: number;
  column?: number;
}

export interface SchemaOverrides {
  /** The config files read, relative to the working folder, in the order they were laid down. */
  sources: string[];
  /** Fields by front matter key, for every collection. */
  fields: Record<string, FieldOverride>;
  collections: CollectionOverride[];
  media: {
    /** Default folder for uploads from the body editor, relative to the input folder. */
    uploadFolder?: string;
    /** More folders for the library, relative to the input folder. */
    folders: string[];
    maxBytes?: number;
  };
  toolbar?: ToolbarButton[];
  diagnostics: ConfigDiagnostic[];
}

export function emptyOverrides(): SchemaOverrides {
  return { sources: [], fields: {}, collections: [], media: { folders: [] }, diagnostics: [] };
}

function mergeFields(into: Record<string, FieldOverride>, from: Record<string, FieldOverride>): void {
  for (const [name, field] of Object.entries(from)) into[name] = { ...into[name], ...field };
}

/** `later` laid over `earlier`: a key set in `later` wins, collections merge by name. */
export function mergeOverrides(earlier: SchemaOverrides, later: SchemaOverrides): SchemaOverrides {
  const out: SchemaOverrides = {
    sources: [...earlier.sources, ...later.sources],
    fields: { ...earlier.fields },
    collections: earlier.collections.map((c) => ({ ...c, fields: { ...c.fields } })),
    media: {
      uploadFolder: later.media.uploadFolder ?? earlier.media.uploadFolder,
      folders: [...new Set([...earlier.media.folders, ...later.media.folders])],
      maxBytes: later.media.maxBytes ?? earlier.media.maxBytes,
    },
    toolbar: later.toolbar ?? earlier.toolbar,
    diagnostics: [...earlier.diagnostics, ...later.diagnostics],
  };
  mergeFields(out.fields, later.fields);
  for (const collection of later.collections) {
    const same = out.collections.find((c) => c.name === collection.name || (c.folder !== undefined && c.folder === collection.folder) || (c.file !== undefined && c.file === collection.file));
    if (!same) {
      out.collections.push({ ...collection, fields: { ...collection.fields } });
      continue;
    }
    const { fields, ...rest } = collection;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    Object.assign(same, defined);
    mergeFields(same.fields, fields);
  }
  return out;
}

/** The override of one field in one collection: the collection's own over the site-wide one. */
export function fieldOverride(overrides: SchemaOverrides, collection: string | undefined, name: string): FieldOverride | undefined {
  const own = overrides.collections.find((c) => c.name === collection)?.fields[name];
  const global = overrides.fields[name];
  return own || global ? { ...global, ...own } : undefined;
}

/** The collection a file belongs to by its folder or data file (input-relative, posix). */
export function collectionOfPath(overrides: SchemaOverrides, relative: string): CollectionOverride | undefined {
  const matches = overrides.collections.filter((c) => c.file === relative || (c.folder !== undefined && (c.folder === "" || relative.startsWith(`${c.folder}/`))));
  // The deepest folder wins: `news/archive` before `news`.
  return matches.sort((a, b) => (b.file === relative ? 1 : 0) - (a.file === relative ? 1 : 0) || (b.folder?.length ?? 0) - (a.folder?.length ?? 0))[0];
}
