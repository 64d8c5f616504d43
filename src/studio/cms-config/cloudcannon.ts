/**
 * CloudCannon's `cloudcannon.config.yml` as studio overrides: `_inputs` (site-wide and per
 * collection) as field types, labels, hints, select values and upload folders (`uploads_dir`,
 * `paths.uploads`), `collections_config` as collections with their labels and folders,
 * `_enabled_editors: [data]` as data-only editing, `_select_data` for select values, and the
 * content editor's `_editables` as the body toolbar.
 */
import { inputRelative, type SiteFolders } from "./decap.js";
import { type CollectionOverride, type FieldOverride, type FieldType, type SchemaOverrides, type ToolbarButton, emptyOverrides } from "./types.js";
import { isRecord, stringOf, type YamlSource } from "./yaml-source.js";

const INPUT_TYPES: Record<string, FieldType> = {
  text: "text",
  email: "text",
  color: "text",
  time: "text",
  textarea: "longtext",
  markdown: "longtext",
  html: "longtext",
  code: "longtext",
  url: "url",
  date: "date",
  datetime: "datetime",
  number: "number",
  range: "number",
  switch: "boolean",
  checkbox: "boolean",
  select: "select",
  choice: "select",
  multiselect: "tags",
  multichoice: "tags",
  image: "image",
  file: "url",
  document: "url",
  array: "tags",
  object: "yaml",
};

/** `_editables.content` keys as studio toolbar buttons. */
const EDITABLES: Record<string, ToolbarButton> = {
  bold: "bold",
  italic: "italic",
  underline: "underline",
  strike: "strike",
  code: "code",
  code_inline: "code",
  link: "link",
  blockquote: "quote",
  bulletedlist: "list",
  numberedlist: "ordered-list",
  table: "table",
  image: "image",
  embed: "embed",
  snippet: "embed",
  undo: "undo",
};

function toolbarOf(editables: unknown): ToolbarButton[] | undefined {
  if (!isRecord(editables)) return undefined;
  const content = editables.content ?? editables.block;
  if (!isRecord(content)) return undefined;
  const buttons: ToolbarButton[] = [];
  for (const [key, value] of Object.entries(content)) {
    if (key === "format" && typeof value === "string" && /\bh[1-6]\b/.test(value)) buttons.push("heading");
    const button = EDITABLES[key];
    if (button && value === true && !buttons.includes(button)) buttons.push(button);
  }
  return buttons;
}

/** An uploads path with CloudCannon's placeholders: `[collection]` filled in, the fixed part before any other kept. */
function uploadsPath(value: string, collection: string | undefined, base: string, site: SiteFolders): string | undefined {
  let fixed = collection ? value.replaceAll("[collection]", collection) : value;
  const placeholder = fixed.search(/[[{]/);
  if (placeholder >= 0) fixed = fixed.slice(0, placeholder).replace(/\/+$/, "");
  if (fixed === "" || fixed === "/") return undefined;
  return inputRelative(fixed.startsWith("/") ? `${base}${fixed}` : `${base}/${fixed}`, site);
}

interface Context {
  source: YamlSource;
  site: SiteFolders;
  /** CloudCannon's `source` folder: every path in the config is relative to it. */
  base: string;
  selectData: Record<string, unknown>;
  /** `paths.uploads`: where image inputs upload when they name no folder. */
  uploads?: string;
}

function selectValues(values: unknown, ctx: Context, where: (string | number)[]): string[] | undefined {
  let list = values;
  if (typeof values === "string") {
    const key = values.replace(/^_select_data\./, "");
    list = ctx.selectData[key];
    if (list === undefined) ctx.source.warn(where, `The select values "${values}" are not in _select_data; the studio offers the values in use.`);
  }
  if (isRecord(list)) return Object.keys(list);
  if (!Array.isArray(list)) return undefined;
  const out = list.map((item) => (isRecord(item) ? (item.id ?? item.value ?? item.name) : item)).filter((v) => v !== undefined && v !== null).map(String);
  return out.length ? out : undefined;
}

function readInput(key: string, input: unknown, ctx: Context, where: (string | number)[], collection: string | undefined): FieldOverride {
  if (!isRecord(input)) return {};
  const out: FieldOverride = {};
  const typeName = stringOf(input.type);
  if (typeName) {
    const type = INPUT_TYPES[typeName];
    if (type) out.type = type;
    else if (typeName !== "auto") ctx.source.warn([...where, "type"], `Unknown input type "${typeName}" for ${key}; the studio infers it from the values.`);
  }
  const label = stringOf(input.label);
  if (label) out.label = label;
  const hint = stringOf(input.comment) ?? stringOf(input.context);
  if (hint) out.hint = hint;
  if (input.hidden === true) out.hidden = true;
  const options = isRecord(input.options) ? input.options : {};
  if (out.type === "tags" && (isRecord(options.structures) || typeof options.structures === "string")) out.type = "yaml";
  const values = selectValues(options.values, ctx, [...where, "options", "values"]);
  if (values) out.options = values;
  if (options.required === true) out.required = true;
  const uploads = stringOf(options.uploads_dir) ?? (isRecord(options.paths) ? stringOf(options.paths.uploads) : undefined);
  if (uploads) {
    const folder = uploadsPath(uploads, collection, ctx.base, ctx.site);
    if (folder === undefined) ctx.source.warn([...where, "options"], `The uploads folder "${uploads}" of ${key} is outside the site's input folder or has no fixed part.`);
    else out.uploadFolder = folder;
  } else if ((out.type === "image" || out.type === "url") && ctx.uploads) {
    out.uploadFolder = ctx.uploads;
  }
  return out;
}

function readInputs(inputs: unknown, ctx: Context, where: (string | number)[], collection: string | undefined): Record<string, FieldOverride> {
  const out: Record<string, FieldOverride> = {};
  if (!isRecord(inputs)) return out;
  for (const [key, input] of Object.entries(inputs)) {
    // `*_image`-style wildcard keys are CloudCannon's way of typing families of fields; they are not front matter keys.
    if (key.includes("*")) continue;
    out[key] = readInput(key, input, ctx, [...where, key], collection);
  }
  return out;
}

function editorsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

export function readCloudCannonConfig(source: YamlSource, site: SiteFolders): SchemaOverrides {
  const out = emptyOverrides();
  out.sources.push(source.file);
  const config = source.value;
  if (!isRecord(config)) {
    if (source.diagnostics.length === 0) source.warn([], "The config is not a YAML mapping.");
    out.diagnostics = [...source.diagnostics];
    return out;
  }
  const base = (stringOf(config.source) ?? "").replace(/^\/+|\/+$/g, "") || ".";
  const paths = isRecord(config.paths) ? config.paths : {};
  const ctx: Context = { source, site, base, selectData: isRecord(config._select_data) ? config._select_data : {} };
  const uploads = stringOf(paths.uploads);
  if (uploads) {
    ctx.uploads = uploadsPath(uploads, undefined, base, site);
    if (ctx.uploads === undefined) source.warn(["paths", "uploads"], `paths.uploads "${uploads}" is outside the site's input folder.`);
    else {
      out.media.uploadFolder = ctx.uploads;
      out.media.folders.push(ctx.uploads);
    }
  }
  out.fields = readInputs(config._inputs, ctx, ["_inputs"], undefined);
  out.toolbar = toolbarOf(config._editables);
  const defaultEditors = editorsOf(config._enabled_editors);

  const collections = isRecord(config.collections_config) ? config.collections_config : {};
  for (const [name, raw] of Object.entries(collections)) {
    if (!isRecord(raw)) continue;
    const where = ["collections_config", name];
    const pathValue = stringOf(raw.path) ?? name;
    const relative = inputRelative(`${base}/${pathValue.replace(/^\/+/, "")}`, site);
    if (relative === undefined) {
      source.warn([...where, "path"], `The collection path "${pathValue}" is outside the site's input folder.`);
      continue;
    }
    const isFile = /\.(md|markdown|html|json|ya?ml|toml)$/i.test(relative);
    const editors = editorsOf(raw._enabled_editors) ?? defaultEditors;
    const collection: CollectionOverride = { name, fields: readInputs(raw._inputs, ctx, [...where, "_inputs"], name) };
    const label = stringOf(raw.name);
    if (label) collection.label = label;
    if (isFile) collection.file = relative;
    else collection.folder = relative;
    // The data editor alone means front matter only; a data file has no body either way.
    if (editors && editors.length > 0 && editors.every((editor) => editor === "data")) collection.body = false;
    else if (isFile && /\.(json|ya?ml|toml)$/i.test(relative)) collection.body = false;
    const toolbar = toolbarOf(raw._editables);
    if (toolbar) collection.toolbar = toolbar;
    for (const field of Object.values(collection.fields)) if (field.uploadFolder) out.media.folders.push(field.uploadFolder);
    out.collections.push(collection);
  }
  for (const field of Object.values(out.fields)) if (field.uploadFolder) out.media.folders.push(field.uploadFolder);
  out.media.folders = [...new Set(out.media.folders)];
  out.diagnostics = [...source.diagnostics];
  return out;
}
