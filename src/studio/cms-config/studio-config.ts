/**
 * The studio's own schema options, `studio.config.yml` in the working folder: laid over what
 * other CMSs' configs say and what the studio infers. Paths in it are relative to the input
 * folder, like every path of the studio's API. See docs/studio.md for the format.
 */
import { FIELD_TYPES, TOOLBAR_BUTTONS, emptyOverrides, type CollectionOverride, type FieldOverride, type FieldType, type SchemaOverrides, type ToolbarButton } from "./types.js";
import { isRecord, stringOf, type YamlSource } from "./yaml-source.js";

const UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

/** `10MB`, `512 KB`, `2097152` as bytes; undefined when unreadable. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return Math.floor(value);
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = UNITS[(match[2] || "b").toLowerCase()];
  return unit === undefined ? undefined : Math.floor(Number(match[1]) * unit);
}

/** A folder as written in the file, normalised: no leading `./` or `/`, no trailing `/`. */
function folderOf(value: unknown): string | undefined {
  const text = stringOf(value);
  return text === undefined ? undefined : text.replace(/^\.?\/+/, "").replace(/\/+$/, "");
}

function readField(raw: unknown, where: (string | number)[], source: YamlSource): FieldOverride {
  const out: FieldOverride = {};
  if (typeof raw === "string") raw = { type: raw };
  if (!isRecord(raw)) {
    source.warn(where, "A field's options must be a mapping such as `{ type: image, uploadFolder: img/people }`.");
    return out;
  }
  const type = stringOf(raw.type);
  if (type !== undefined) {
    if ((FIELD_TYPES as readonly string[]).includes(type)) out.type = type as FieldType;
    else source.warn([...where, "type"], `Unknown field type "${type}"; use one of ${FIELD_TYPES.join(", ")}.`);
  }
  for (const key of ["label", "hint"] as const) {
    const text = stringOf(raw[key]);
    if (text) out[key] = text;
  }
  const upload = folderOf(raw.uploadFolder);
  if (upload !== undefined) out.uploadFolder = upload;
  if (Array.isArray(raw.options)) out.options = raw.options.map(String);
  if (typeof raw.required === "boolean") out.required = raw.required;
  if (typeof raw.hidden === "boolean") out.hidden = raw.hidden;
  if (raw.default !== undefined) out.default = raw.default;
  return out;
}

function readFields(raw: unknown, where: (string | number)[], source: YamlSource): Record<string, FieldOverride> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    source.warn(where, "`fields` must map front matter keys to their options.");
    return {};
  }
  return Object.fromEntries(Object.entries(raw).map(([name, field]) => [name, readField(field, [...where, name], source)]));
}

function readToolbar(raw: unknown, where: (string | number)[], source: YamlSource): ToolbarButton[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    source.warn(where, `\`toolbar\` must be a list of buttons: ${TOOLBAR_BUTTONS.join(", ")}.`);
    return undefined;
  }
  const out: ToolbarButton[] = [];
  raw.forEach((button: unknown, index) => {
    if ((TOOLBAR_BUTTONS as readonly unknown[]).includes(button)) out.push(button as ToolbarButton);
    else source.warn([...where, index], `Unknown toolbar button ${JSON.stringify(button)}; use ${TOOLBAR_BUTTONS.join(", ")}.`);
  });
  return out;
}

export function readStudioConfig(source: YamlSource): SchemaOverrides {
  const out = emptyOverrides();
  out.sources.push(source.file);
  const config = source.value ?? {};
  if (!isRecord(config)) {
    if (source.diagnostics.length === 0) source.warn([], "studio.config.yml must be a mapping with `fields`, `collections` and `media`.");
    out.diagnostics = [...source.diagnostics];
    return out;
  }
  const media = isRecord(config.media) ? config.media : {};
  out.media.uploadFolder = folderOf(media.uploadFolder);
  if (out.media.uploadFolder) out.media.folders.push(out.media.uploadFolder);
  if (Array.isArray(media.folders)) out.media.folders.push(...media.folders.map(folderOf).filter((f): f is string => f !== undefined));
  if (media.maxSize !== undefined) {
    out.media.maxBytes = parseSize(media.maxSize);
    if (out.media.maxBytes === undefined) source.warn(["media", "maxSize"], `media.maxSize ${JSON.stringify(media.maxSize)} is not a size such as 10MB or 512KB.`);
  }
  out.toolbar = readToolbar(config.toolbar, ["toolbar"], source);
  out.fields = readFields(config.fields, ["fields"], source);
  const collections = config.collections === undefined ? {} : config.collections;
  if (!isRecord(collections)) source.warn(["collections"], "`collections` must map collection names to their options.");
  else {
    for (const [name, raw] of Object.entries(collections)) {
      const where = ["collections", name];
      if (!isRecord(raw)) {
        source.warn(where, `The collection "${name}" must be a mapping.`);
        continue;
      }
      const collection: CollectionOverride = { name, fields: readFields(raw.fields, [...where, "fields"], source) };
      const label = stringOf(raw.label);
      if (label) collection.label = label;
      const folder = folderOf(raw.folder);
      if (folder !== undefined) collection.folder = folder;
      const file = folderOf(raw.file);
      if (file !== undefined) collection.file = file;
      if (typeof raw.body === "boolean") collection.body = raw.body;
      const upload = folderOf(raw.uploadFolder);
      if (upload !== undefined) collection.uploadFolder = upload;
      const toolbar = readToolbar(raw.toolbar, [...where, "toolbar"], source);
      if (toolbar) collection.toolbar = toolbar;
      out.collections.push(collection);
    }
  }
  for (const field of [...Object.values(out.fields), ...out.collections.flatMap((c) => Object.values(c.fields))]) if (field.uploadFolder) out.media.folders.push(field.uploadFolder);
  for (const collection of out.collections) if (collection.uploadFolder) out.media.folders.push(collection.uploadFolder);
  out.media.folders = [...new Set(out.media.folders)];
  out.diagnostics = [...source.diagnostics];
  return out;
}
