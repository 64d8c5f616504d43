/**
 * Decap CMS (formerly Netlify CMS) and Sveltia CMS `admin/config.yml` as studio overrides:
 * folder collections and file collections (a data file edited as a form), each field's
 * widget as a field type, `media_folder` (site-wide, per collection, per field) as upload
 * folders, and the Markdown widget's `buttons` as the body toolbar.
 */
import path from "node:path";
import { type CollectionOverride, type FieldOverride, type FieldType, type SchemaOverrides, type ToolbarButton, emptyOverrides } from "./types.js";
import { isRecord, stringOf, type YamlSource } from "./yaml-source.js";

export interface SiteFolders {
  cwd: string;
  inputDir: string;
}

/** Decap widgets as studio field types; `body` (the Markdown widget) is the body, not a field. */
const WIDGETS: Record<string, FieldType> = {
  string: "text",
  text: "longtext",
  markdown: "longtext",
  richtext: "longtext",
  code: "longtext",
  datetime: "datetime",
  date: "date",
  boolean: "boolean",
  number: "number",
  list: "tags",
  select: "select",
  image: "image",
  file: "url",
  relation: "text",
  object: "yaml",
  map: "yaml",
  color: "text",
  uuid: "text",
  hidden: "text",
  keyvalue: "yaml",
  compute: "text",
};

/** Decap/Sveltia Markdown buttons as studio toolbar buttons. */
const BUTTONS: Record<string, ToolbarButton> = {
  bold: "bold",
  italic: "italic",
  code: "code",
  link: "link",
  "heading-one": "heading",
  "heading-two": "heading",
  "heading-three": "heading",
  "heading-four": "heading",
  "heading-five": "heading",
  "heading-six": "heading",
  quote: "quote",
  "bulleted-list": "list",
  "numbered-list": "ordered-list",
  strikethrough: "strike",
};

/** A repository path from the config (`/static/img` or `static/img`) relative to the input folder, or undefined outside it. */
export function inputRelative(value: string, site: SiteFolders): string | undefined {
  const absolute = path.resolve(site.cwd, value.replace(/^\/+/, ""));
  const relative = path.relative(site.inputDir, absolute).split(path.sep).join("/");
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative;
}

/** Decap's rule for a collection's or field's `media_folder`: relative to the entry's folder unless it starts with `/`. */
function mediaFolderOf(value: string, collectionFolder: string | undefined, site: SiteFolders): string | undefined {
  if (value.includes("{{")) {
    // `{{media_folder}}/{{slug}}` and the like name a folder per entry; the fixed part is what the studio can use.
    value = value.split("{{")[0]!.replace(/\/+$/, "");
    if (value === "") return undefined;
  }
  if (value.startsWith("/")) return inputRelative(value, site);
  if (collectionFolder === undefined) return inputRelative(value, site);
  return path.posix.normalize(path.posix.join(collectionFolder, value)).replace(/^\.$/, "");
}

function optionsOf(field: Record<string, unknown>): string[] | undefined {
  if (!Array.isArray(field.options)) return undefined;
  const out = field.options.map((option) => (isRecord(option) ? option.value : option)).filter((value) => value !== undefined && value !== null).map(String);
  return out.length > 0 ? out : undefined;
}

function readField(field: Record<string, unknown>, where: (string | number)[], source: YamlSource, folder: string | undefined, site: SiteFolders): FieldOverride {
  const widget = stringOf(field.widget) ?? "string";
  let type = WIDGETS[widget];
  if (!type) source.warn([...where, "widget"], `Unknown widget "${widget}"; the studio infers this field's type from its values.`);
  if (type === "tags" && (Array.isArray(field.fields) || isRecord(field.field) || Array.isArray(field.types))) type = "yaml";
  if (type === "select" && field.multiple === true) type = "tags";
  if (type === "datetime" && (field.time_format === false || field.type === "date")) type = "date";
  const out: FieldOverride = {};
  if (type) out.type = type;
  const label = stringOf(field.label);
  if (label) out.label = label;
  const hint = stringOf(field.hint);
  if (hint) out.hint = hint;
  const options = optionsOf(field);
  if (options) out.options = options;
  if (field.required !== undefined) out.required = field.required !== false;
  if (widget === "hidden") out.hidden = true;
  if (field.default !== undefined) out.default = field.default;
  const media = stringOf(field.media_folder);
  if (media) {
    const folderPath = mediaFolderOf(media, folder, site);
    if (folderPath === undefined) source.warn([...where, "media_folder"], `The media folder "${media}" is outside the site's input folder; uploads for this field go to the default folder.`);
    else out.uploadFolder = folderPath;
  }
  return out;
}

/** Upload folders of image fields nested in lists and objects, which the form edits as YAML but the library still offers. */
function nestedUploadFolders(list: unknown, where: (string | number)[], source: YamlSource, folder: string | undefined, site: SiteFolders): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown, index) => {
    if (!isRecord(raw)) return [];
    const at = [...where, index];
    const own = stringOf(raw.media_folder) ? readField(raw, at, source, folder, site).uploadFolder : undefined;
    const inner = [...nestedUploadFolders(raw.fields, [...at, "fields"], source, folder, site), ...(isRecord(raw.field) ? nestedUploadFolders([raw.field], [...at, "field"], source, folder, site) : [])];
    return own ? [own, ...inner] : inner;
  });
}

function readFields(list: unknown, where: (string | number)[], source: YamlSource, folder: string | undefined, site: SiteFolders): { fields: Record<string, FieldOverride>; order: string[]; body?: boolean; toolbar?: ToolbarButton[] } {
  const fields: Record<string, FieldOverride> = {};
  const order: string[] = [];
  let body: boolean | undefined;
  let toolbar: ToolbarButton[] | undefined;
  if (!Array.isArray(list)) return { fields, order };
  list.forEach((raw: unknown, index) => {
    const at = [...where, index];
    if (!isRecord(raw) || !stringOf(raw.name)) {
      source.warn(at, "A field without a `name` is skipped.");
      return;
    }
    const name = stringOf(raw.name)!;
    if (name === "body") {
      body = true;
      if (Array.isArray(raw.buttons)) toolbar = [...new Set(raw.buttons.map((b) => BUTTONS[String(b)]).filter((b): b is ToolbarButton => b !== undefined))];
      if (Array.isArray(raw.editor_components)) {
        for (const component of raw.editor_components) if (component === "image") (toolbar ??= []).push("image");
      }
      return;
    }
    order.push(name);
    fields[name] = readField(raw, at, source, folder, site);
  });
  return { fields, order, body: body ?? (list.length > 0 ? false : undefined), toolbar };
}

/** The overrides a Decap/Sveltia config gives. Paths in it are from the repository root (the working folder). */
export function readDecapConfig(source: YamlSource, site: SiteFolders): SchemaOverrides {
  const out = emptyOverrides();
  out.sources.push(source.file);
  const config = source.value;
  if (!isRecord(config)) {
    if (source.diagnostics.length === 0) source.warn([], "The config is not a YAML mapping.");
    out.diagnostics = [...source.diagnostics];
    return out;
  }
  const media = stringOf(config.media_folder);
  if (media) {
    const folder = inputRelative(media, site);
    if (folder === undefined) source.warn(["media_folder"], `media_folder "${media}" is outside the site's input folder.`);
    else {
      out.media.uploadFolder = folder;
      out.media.folders.push(folder);
    }
  }
  const collections = Array.isArray(config.collections) ? config.collections : [];
  collections.forEach((raw: unknown, index) => {
    if (!isRecord(raw) || !stringOf(raw.name)) return source.warn(["collections", index], "A collection without a `name` is skipped.");
    const name = stringOf(raw.name)!;
    const label = stringOf(raw.label);
    if (Array.isArray(raw.files)) {
      raw.files.forEach((file: unknown, fileIndex) => {
        const at = ["collections", index, "files", fileIndex];
        if (!isRecord(file) || !stringOf(file.file)) return source.warn(at, "A file entry without a `file` path is skipped.");
        const relative = inputRelative(stringOf(file.file)!, site);
        if (relative === undefined) return source.warn([...at, "file"], `The file "${String(file.file)}" is outside the site's input folder.`);
        const read = readFields(file.fields, [...at, "fields"], source, path.posix.dirname(relative), site);
        out.collections.push({ name: `${name}/${stringOf(file.name) ?? path.posix.basename(relative)}`, label: stringOf(file.label) ?? label, file: relative, body: read.body ?? !/\.(json|ya?ml|toml)$/.test(relative), fields: read.fields, fieldOrder: read.order });
      });
      return;
    }
    const folderValue = stringOf(raw.folder);
    if (!folderValue) return source.warn(["collections", index], `The collection "${name}" has neither \`folder\` nor \`files\`; it is skipped.`);
    const folder = inputRelative(folderValue, site);
    if (folder === undefined) return source.warn(["collections", index, "folder"], `The folder "${folderValue}" is outside the site's input folder.`);
    const read = readFields(raw.fields, ["collections", index, "fields"], source, folder, site);
    const collection: CollectionOverride = { name, label, folder, fields: read.fields, fieldOrder: read.order };
    if (read.body !== undefined) collection.body = read.body;
    if (read.toolbar) collection.toolbar = read.toolbar;
    const collectionMedia = stringOf(raw.media_folder);
    if (collectionMedia) {
      const upload = mediaFolderOf(collectionMedia, folder, site);
      if (upload !== undefined) {
        collection.uploadFolder = upload;
        out.media.folders.push(upload);
      }
    }
    out.collections.push(collection);
  });
  for (const collection of out.collections) for (const field of Object.values(collection.fields)) if (field.uploadFolder) out.media.folders.push(field.uploadFolder);
  collections.forEach((raw: unknown, index) => {
    if (!isRecord(raw)) return;
    const groups = Array.isArray(raw.files) ? raw.files.map((file: unknown, fileIndex) => ({ fields: isRecord(file) ? file.fields : undefined, at: ["collections", index, "files", fileIndex, "fields"] })) : [{ fields: raw.fields, at: ["collections", index, "fields"] }];
    for (const group of groups) {
      if (!Array.isArray(group.fields)) continue;
      group.fields.forEach((field: unknown, fieldIndex) => {
        if (isRecord(field)) out.media.folders.push(...nestedUploadFolders(field.fields, [...group.at, fieldIndex, "fields"], source, undefined, site));
      });
    }
  });
  out.media.folders = [...new Set(out.media.folders)];
  out.diagnostics = [...source.diagnostics];
  return out;
}
