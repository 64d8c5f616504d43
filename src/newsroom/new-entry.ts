/**
 * `plinth new KIND "Title"`'s plan for one new entry: its file (named as the folder names its
 * entries), its front matter (from a template, the folder's habits and directory data) and
 * the URL it will have. Writing it is the command's job.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import yaml from "js-yaml";
import { Liquid } from "liquidjs";
import { pathNames, defaultOutputPath } from "../engine/file-slug.js";
import { parseFrontMatter } from "../engine/front-matter.js";
import { locationFromLink, permalinkValue } from "../engine/permalink.js";
import { PlinthError } from "../errors/plinth-error.js";
import { readCollectionFolder, type CollectionFolder } from "./collection-folder.js";
import { zonedDay, zonedTimestamp } from "./site-clock.js";

export interface NewEntryRequest {
  inputDir: string;
  /** The collection folder, relative to the input folder (`news`, `events`, `blog/posts`). */
  kind: string;
  title: string;
  date: Date;
  timeZone: string;
  slug?: string;
  draft?: boolean;
}

export interface NewEntryPlan {
  /** Absolute path of the new file. */
  file: string;
  text: string;
  /** The URL the page will have, or false when its permalink is false. */
  url: string | false;
  /** The template used, when there was one. */
  template?: string;
}

/** Where a template for `kind` may be: `_templates/news.md`, or `_includes/templates/news.md`, which Eleventy never builds. */
export function templateCandidates(inputDir: string, kind: string): string[] {
  const name = kind.split("/").join("-");
  return [path.join(inputDir, "_templates"), path.join(inputDir, "_includes", "templates")].flatMap((dir) =>
    ["md", "njk", "liquid", "html"].map((extension) => path.join(dir, `${name}.${extension}`)),
  );
}

/** The site's top-level folders that could be collections, for the error that lists them. */
function candidateFolders(inputDir: string): string[] {
  try {
    return readdirSync(inputDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name) && entry.name !== "node_modules")
      .map((entry) => entry.name)
      .filter((name) => readCollectionFolder(path.join(inputDir, name)).entries.length > 0)
      .sort();
  } catch {
    return [];
  }
}

function collectionPath(inputDir: string, kind: string): string {
  const folder = path.resolve(inputDir, kind);
  const inside = path.relative(inputDir, folder);
  const isFolder = existsSync(folder) && statSync(folder).isDirectory();
  if (!isFolder || inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) {
    const folders = candidateFolders(inputDir);
    throw new PlinthError("NewCollectionUnknown", `The site has no folder "${kind}" for entries.`, {
      hint: folders.length > 0 ? `Use one of the site's folders: ${folders.join(", ")}; or create the folder "${kind}" first.` : undefined,
    });
  }
  return folder;
}

interface Template {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

function readTemplate(inputDir: string, kind: string): Template | undefined {
  const file = templateCandidates(inputDir, kind).find((candidate) => existsSync(candidate));
  if (!file) return undefined;
  try {
    const { data, body } = parseFrontMatter(readFileSync(file, "utf8"), file);
    return { file, data, body };
  } catch (cause) {
    throw new PlinthError("NewTemplateInvalid", `The template ${path.relative(inputDir, file)} cannot be read: ${(cause as Error).message.split("\n")[0]}`, {
      location: { file },
      cause,
    });
  }
}

/** Front matter in the order a person expects: title, date, then the rest. */
function frontMatter(request: NewEntryRequest, folder: CollectionFolder, template: Template | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = { title: request.title, date: "__DATE__" };
  const inherited = folder.directoryData;
  if (template) {
    for (const [key, value] of Object.entries(template.data)) if (key !== "title" && key !== "date") data[key] = value;
  } else {
    for (const [key, value] of folder.commonKeys) data[key] = value;
    // Directory data already gives these to every entry; repeating them would hide a later change there.
    if (folder.layout !== undefined && inherited.layout === undefined) data.layout = folder.layout;
    const inheritedTags = new Set((Array.isArray(inherited.tags) ? inherited.tags : [inherited.tags]).filter((t) => typeof t === "string"));
    const tags = folder.tags.filter((tag) => !inheritedTags.has(tag));
    if (tags.length > 0) data.tags = tags;
  }
  if (request.draft) data.draft = true;
  return data;
}

function fileName(folder: CollectionFolder, slug: string, day: string): string {
  if (folder.naming === "folder") return `${slug}/index.${folder.extension}`;
  return `${folder.naming === "dated" ? `${day}-` : ""}${slug}.${folder.extension}`;
}

/** The URL as Eleventy will give it: the permalink (front matter, then directory data) rendered with Liquid, or the default. */
function entryUrl(relative: string, extension: string, data: Record<string, unknown>, date: Date): string | false {
  const names = pathNames(relative, extension);
  const value = permalinkValue(data.permalink, relative);
  if (value === false) return false;
  if (value === undefined) return locationFromLink(`/${defaultOutputPath(names)}`, "", relative).url;
  const liquid = new Liquid();
  liquid.registerFilter("slugify", (text: unknown) => slugify(String(text ?? ""), { decamelize: false }));
  liquid.registerFilter("slug", (text: unknown) => slugify(String(text ?? ""), { decamelize: false }));
  const page = { fileSlug: names.fileSlug, filePathStem: names.filePathStem, inputPath: `./${relative}`, date, outputFileExtension: "html" };
  return locationFromLink(liquid.parseAndRenderSync(value, { ...data, page }), "", relative).url;
}

export function planNewEntry(request: NewEntryRequest): NewEntryPlan {
  const title = request.title.trim();
  if (!title) throw new PlinthError("NewTitleMissing", "The title is empty.");
  const folderPath = collectionPath(request.inputDir, request.kind);
  const folder = readCollectionFolder(folderPath);
  const slug = request.slug ?? slugify(title, { decamelize: false });
  if (!slug) throw new PlinthError("NewTitleMissing", `The title "${title}" gives no slug for a file name.`, { hint: "Use a title with letters or digits, or give one with --slug." });
  const taken = folder.entries.find((entry) => entry.fileSlug === slug);
  const kindPath = path.relative(request.inputDir, folderPath).split(path.sep).join("/");
  if (taken) {
    throw new PlinthError("NewSlugTaken", `"${title}" gives the slug "${slug}", which ${kindPath}/${taken.file} already has.`, {
      hint: `Edit ${kindPath}/${taken.file}, or choose another title (or --slug).`,
    });
  }
  const template = readTemplate(request.inputDir, request.kind);
  const day = zonedDay(request.date, request.timeZone);
  const name = fileName(folder, slug, day);
  const relative = `${kindPath}/${name}`;
  const data = frontMatter({ ...request, title }, folder, template);
  const timestamp = zonedTimestamp(request.date, request.timeZone);
  const urlData = { ...folder.directoryData, ...data, date: request.date };
  const url = entryUrl(relative, folder.extension, urlData, request.date);
  const matter = yaml
    .dump(data, { lineWidth: -1, flowLevel: 1 })
    // Unquoted, as in hand-written posts, so YAML reads it as a date; empty values as bare keys.
    .replace("date: __DATE__", `date: ${timestamp}`)
    .replace(/: null$/gm, ":");
  const body = template ? template.body.replace(/^\n/, "") : "";
  return { file: path.join(folderPath, ...name.split("/")), text: `---\n${matter}---\n${body}`, url, template: template?.file };
}
