/**
 * The content API: collections, the entry list (search, tag filter, sort, pages of results),
 * each collection's form, and reading, saving, creating and deleting an entry. See docs/studio.md.
 */
import { entryTarget, isRoster, isSettingsFile } from "../auth/targets.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { studioSettings, type StudioSettings } from "../cms-config/site-settings.js";
import { emptyOverrides } from "../cms-config/types.js";
import type { StudioContext } from "../server/context.js";
import { badRequest, StudioHttpError } from "../server/http-error.js";
import type { Router, StudioRequest } from "../server/router.js";
import type { SitePath } from "../server/safe-path.js";
import { authorOf } from "../auth/roles.js";
import { PAGES } from "./collections.js";
import type { SaveBy } from "./content-store.js";
import type { EntryQuery } from "./content-index.js";
import { editFile } from "./front-matter-edit.js";
import { matterData, splitFile } from "./front-matter-text.js";
import { newEntry } from "./new-entry.js";
import { inferSchema, type FieldSchema } from "./schema.js";
import { layoutNames, siteSlugify, siteTimeZone, tierIds } from "./site-facts.js";
import { errorJson } from "../server/http-error.js";
import { isPlinthError } from "../../errors/plinth-error.js";
import { isInside } from "../../engine/project-paths.js";

/** Files the entry API may write: content and data, never code (a config or JavaScript template runs on the next build). */
const WRITABLE = /\.(md|markdown|njk|liquid|html|htm|hbs|mustache|webc|json|ya?ml|txt|csv)$/i;

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badRequest(`"${name}" must be a string.`);
  return value;
}

function objectField(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw badRequest(`"${name}" must be an object of front matter values.`);
  return value as Record<string, unknown>;
}

function intParam(req: StudioRequest, name: string, fallback: number, max: number): number {
  const raw = req.query.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw badRequest(`"${name}" must be a whole number.`);
  return Math.min(Number(raw), max);
}

/** Who a save is by: the signed-in user, who authors its commit (with one user and a token, git's configured author). */
export function savedBy(req: StudioRequest, ctx: StudioContext): SaveBy {
  return { user: req.user, author: ctx.team ? authorOf(req.user) : undefined };
}

export function contentRoutes(r: Router, ctx: StudioContext): void {
  const { content, store } = ctx;
  const state = () => ctx.session.site.lastResult?.state;
  const settingsOf = (): StudioSettings => {
    try {
      return studioSettings(ctx);
    } catch {
      // Settings that cannot be read leave the form to inference (the problem is reported by GET /api/config).
      return { overrides: emptyOverrides(), uploadFolders: [], maxUploadBytes: 0 };
    }
  };

  const writable = (value: string): SitePath => {
    const file = ctx.sitePath(value);
    if (!WRITABLE.test(file.relative)) {
      throw new StudioHttpError(400, "StudioPathUnsafe", `The studio edits content and data files, not ${file.relative}.`, {
        hint: "Entries are Markdown, Nunjucks, Liquid or HTML templates, or JSON/YAML data; code (config, JavaScript templates) is edited in a code editor.",
      });
    }
    const output = state()?.paths.output;
    if (output && isInside(output, file.absolute)) throw new StudioHttpError(400, "StudioPathUnsafe", `${file.relative} is in the output folder, which every build replaces.`);
    return file;
  };

  /** A collection's form: inferred, with the site's settings over it, and the members model's logo folder for a roster. */
  const schemaOf = (collection: string): { fields: FieldSchema[]; uploadFolder: string | null; body: boolean; toolbar: unknown } => {
    const info = content.collections().find((c) => c.name === collection);
    const entries = content.entriesOf(collection);
    const settings = settingsOf();
    const known = { layouts: layoutNames(state(), entries.map((e) => e.frontMatter.layout).filter((l): l is string => typeof l === "string")), tiers: tierIds(state()), tags: content.tags().map((t) => t.tag) };
    const folder = info?.folder ?? "";
    const fields = inferSchema(
      entries.map((e) => e.frontMatter),
      known,
      settings.overrides,
      { name: collection, folder },
    );
    const configured = settings.overrides.collections.find((c) => c.name === collection || (c.folder !== undefined && c.folder !== "" && c.folder === folder));
    const roster = settings.members && folder !== "" && folder === settings.members.folder ? settings.members : undefined;
    if (roster) for (const field of fields) if (field.type === "image" && !field.uploadFolder) field.uploadFolder = roster.logoFolder;
    return {
      fields,
      uploadFolder: configured?.uploadFolder ?? settings.overrides.media.uploadFolder ?? roster?.logoFolder ?? null,
      body: configured?.body ?? true,
      toolbar: configured?.toolbar ?? settings.overrides.toolbar ?? null,
    };
  };

  const entryJson = (file: SitePath, raw: string, revision: string) => {
    const parts = splitFile(raw);
    let frontMatter: Record<string, unknown> | null = null;
    let frontMatterError = null;
    try {
      if (parts.open && parts.language !== "yaml" && parts.language !== "json") {
        throw new StudioHttpError(422, "StudioFrontMatterInvalid", `The front matter of ${file.relative} is ${parts.language}, which the form cannot edit.`, {
          hint: "Edit it in the text (save with `raw`).",
          location: { file: file.relative, line: 1 },
        });
      }
      frontMatter = matterData(parts, file.relative);
    } catch (error) {
      if (!isPlinthError(error)) throw error;
      frontMatterError = errorJson(error);
    }
    const indexed = content.entry(file.relative);
    return { path: file.relative, raw, frontMatter, frontMatterError, body: parts.body, revision, url: indexed?.url ?? null, collection: indexed?.collection ?? null, title: indexed?.title ?? null };
  };

  r.get("/api/collections", () => ({ json: content.collections() }), { action: "entry.read" });

  r.get("/api/tags", () => ({ json: content.tags() }), { action: "entry.read" });

  r.get("/api/entries", (req) => {
    const sort = req.query.get("sort") ?? "date";
    if (sort !== "date" && sort !== "title" && sort !== "path") throw badRequest(`"sort" must be date, title or path, not ${JSON.stringify(sort)}.`);
    const order = req.query.get("order");
    if (order !== null && order !== "asc" && order !== "desc") throw badRequest(`"order" must be asc or desc.`);
    const draft = req.query.get("draft");
    const query: EntryQuery = {
      collection: req.query.get("collection") || undefined,
      q: req.query.get("q") ?? undefined,
      tag: req.query.get("tag") || undefined,
      draft: draft === null || draft === "" ? undefined : draft === "true",
      sort,
      order: order ?? undefined,
      offset: intParam(req, "offset", 0, Number.MAX_SAFE_INTEGER),
      limit: intParam(req, "limit", 100, 10000),
    };
    if (query.collection && !content.collections().some((c) => c.name === query.collection)) throw new StudioHttpError(404, "StudioNotFound", `There is no collection ${JSON.stringify(query.collection)}.`);
    return { json: content.query(query) };
  }, { action: "entry.read" });

  r.get("/api/schema", (req) => {
    const collection = req.param("collection");
    if (!content.collections().some((c) => c.name === collection)) throw new StudioHttpError(404, "StudioNotFound", `There is no collection ${JSON.stringify(collection)}.`);
    return { json: { collection, ...schemaOf(collection) } };
  }, { action: "entry.read" });

  r.get("/api/entry", async (req) => {
    const file = ctx.sitePath(req.param("path"));
    const stored = await store.current(file, savedBy(req, ctx));
    if (!stored) throw new StudioHttpError(404, "StudioNotFound", `There is no file ${file.relative}.`);
    // What the app needs to know to offer only what the user's role may do with this entry.
    const policy = { roster: isRoster(ctx, file.relative), settings: isSettingsFile(ctx, file.relative) };
    return { json: { ...entryJson(file, stored.raw, stored.revision), ...policy, ...(stored.workflow ? { workflow: stored.workflow } : {}) } };
  }, { action: "entry.read" });

  r.put("/api/entry", async (req) => {
    const file = writable(req.param("path"));
    ctx.authorize(req, "entry.edit", entryTarget(ctx, file.relative));
    const body = await req.json();
    const baseRevision = stringField(body, "baseRevision");
    if (!baseRevision) throw badRequest('"baseRevision" is missing: give the revision the text was based on (from GET /api/entry).', "Without it a save could overwrite a change made meanwhile.");
    const raw = stringField(body, "raw");
    const frontMatter = objectField(body, "frontMatter");
    const newBody = stringField(body, "body");
    if (raw === undefined && frontMatter === undefined && newBody === undefined) throw badRequest('Send "raw", or "frontMatter" and/or "body".');
    const result = await store.save(file, baseRevision, (current) => (raw !== undefined ? raw : editFile(current, { frontMatter, body: newBody }, file.relative)), savedBy(req, ctx));
    return { json: { path: file.relative, ...result, url: content.entry(file.relative)?.url ?? null } };
  }, { action: "entry.edit" });

  r.post("/api/entry", async (req) => {
    const body = await req.json();
    const pathParam = req.query.get("path");
    let file: SitePath;
    let raw = stringField(body, "raw");
    if (pathParam) {
      file = writable(pathParam);
      if (raw === undefined) {
        const frontMatter = objectField(body, "frontMatter") ?? {};
        raw = editFile(stringField(body, "body") ?? "", { frontMatter }, file.relative);
      }
    } else {
      const collectionName = stringField(body, "collection") ?? PAGES;
      const title = stringField(body, "title");
      if (!title?.trim()) throw badRequest('A new entry needs a "title" (or a "path" in the query and its "raw" text).');
      const collection = content.collections().find((c) => c.name === collectionName);
      if (!collection) throw new StudioHttpError(404, "StudioNotFound", `There is no collection ${JSON.stringify(collectionName)}.`);
      const made = newEntry({
        collection,
        entries: content.entriesOf(collection.name),
        schema: schemaOf(collection.name).fields,
        title: title.trim(),
        now: new Date(),
        timeZone: siteTimeZone(state()),
        slugify: siteSlugify(state()),
        exists: (relative) => existsSync(path.join(ctx.inputDir, relative)),
      });
      file = writable(made.path);
      const extra = objectField(body, "frontMatter");
      raw = raw ?? editFile(made.raw, { frontMatter: extra ? { ...made.frontMatter, ...extra } : undefined, body: stringField(body, "body") }, file.relative);
    }
    ctx.authorize(req, "entry.create", entryTarget(ctx, file.relative));
    const result = await store.create(file, raw, savedBy(req, ctx));
    return { status: 201, json: { path: file.relative, raw, ...result, url: content.entry(file.relative)?.url ?? null } };
  }, { action: "entry.create" });

  r.delete("/api/entry", async (req) => {
    const file = writable(req.param("path"));
    // A file in the working copy is on the publishing branch: a writer may not delete it.
    ctx.authorize(req, "entry.delete", entryTarget(ctx, file.relative, { published: true }));
    const result = await store.remove(file, req.param("baseRevision"), savedBy(req, ctx));
    return { json: { path: file.relative, commit: result.commit, ...(result.gitError ? { gitError: result.gitError } : {}) } };
  }, { action: "entry.delete" });
}
