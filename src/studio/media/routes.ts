/**
 * `GET /api/media?folder=DIR` lists a folder of the media library; `POST /api/media?folder=DIR`
 * stores one image sent as the raw body (name in `X-File-Name`, URI-encoded) or as the `file`
 * part of a multipart form, and commits it when the site is in git.
 */
import path from "node:path";
import type { StudioContext } from "../server/context.js";
import { badRequest, StudioHttpError } from "../server/http-error.js";
import type { Router, StudioRequest } from "../server/router.js";
import { studioSettings } from "../cms-config/site-settings.js";
import { listMedia, passthroughImages, publicUrl, type MediaSite } from "./library.js";
import { storeUpload } from "./upload.js";
import { CONTENT_FILE, UsageIndex, type ContentText } from "./usage.js";

/** What a multipart form adds around the file: boundaries and part headers. */
const FORM_OVERHEAD = 64 * 1024;

function mediaSite(ctx: StudioContext): MediaSite & { logoFolder?: string; membersFolder?: string; maxBytes: number } {
  const settings = studioSettings(ctx);
  return {
    inputDir: ctx.inputDir,
    pathPrefix: ctx.pathPrefix,
    paths: ctx.session.site.lastResult?.paths,
    passthrough: ctx.session.config?.passthroughCopies ?? [],
    extraFolders: settings.uploadFolders,
    logoFolder: settings.members?.logoFolder,
    membersFolder: settings.members?.folder,
    maxBytes: settings.maxUploadBytes,
  };
}

async function readUpload(req: StudioRequest, maxBytes: number): Promise<{ name: string; bytes: Buffer }> {
  let body: Buffer;
  try {
    body = await req.body(maxBytes + FORM_OVERHEAD);
  } catch (error) {
    if (error instanceof StudioHttpError && error.status === 413) {
      throw new StudioHttpError(413, "MediaTooLarge", `The upload is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB.`);
    }
    throw error;
  }
  const type = String(req.headers["content-type"] ?? "");
  if (/^multipart\/form-data/i.test(type)) {
    // Node's own fetch implementation parses the form, so no parser of ours handles the boundaries.
    const form = await new Response(new Blob([new Uint8Array(body)]), { headers: { "content-type": type } }).formData().catch(() => {
      throw badRequest("The multipart form could not be read.", "Send the image as the form's `file` field, or as the raw body with an `X-File-Name` header.");
    });
    const file = form.get("file");
    if (file === null || typeof file === "string") throw badRequest("The form has no `file` field holding a file.");
    return { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) };
  }
  const header = req.headers["x-file-name"];
  if (typeof header !== "string" || header === "") throw badRequest("Give the file's name in the `X-File-Name` header (URI-encoded).");
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw badRequest("The `X-File-Name` header is not validly URI-encoded.");
  }
  return { name, bytes: body };
}

/**
 * The site's content texts: templates from the dev session's memory (no disk reads, and the
 * preview's unsaved text included), other files the scan found (data, stylesheets) from disk.
 */
function* contentTexts(ctx: StudioContext, usage: UsageIndex): Iterable<ContentText> {
  const state = ctx.session.site.lastResult?.state;
  if (!state) {
    yield* usage.diskDocuments(ctx.inputDir);
    return;
  }
  const relative = (absolute: string) => path.relative(ctx.inputDir, absolute).split(path.sep).join("/");
  for (const source of state.sources.values()) if (!source.virtual) yield { file: source.relativePath, text: source.text };
  for (const absolute of state.files) {
    if (state.sources.has(absolute) || !CONTENT_FILE.test(absolute)) continue;
    const file = relative(absolute);
    if (file.startsWith("..")) continue;
    const text = usage.readText(absolute);
    if (text !== undefined) yield { file, text };
  }
}

export function mediaRoutes(r: Router, ctx: StudioContext): void {
  const usage = new UsageIndex();

  r.get("/api/media", (req) => {
    const site = mediaSite(ctx);
    const folder = req.query.get("folder") ?? site.extraFolders[0] ?? "img";
    const bareNames = site.membersFolder && site.logoFolder ? new Map([[site.membersFolder, site.logoFolder]]) : undefined;
    const outputs = passthroughImages(site);
    const listing = listMedia(site, folder, (paths) => usage.usedBy({ inputDir: ctx.inputDir, pathPrefix: ctx.pathPrefix, outputs, bareNames }, paths, contentTexts(ctx, usage)));
    return { json: { ...listing, maxBytes: site.maxBytes } };
  }, { action: "media.read" });

  r.post("/api/media", async (req) => {
    const site = mediaSite(ctx);
    const folder = req.param("folder");
    const upload = await readUpload(req, site.maxBytes);
    const stored = storeUpload({ inputDir: ctx.inputDir, folder, fileName: upload.name, bytes: upload.bytes, maxBytes: site.maxBytes });
    const output = passthroughImages(site).get(stored.path);
    const warnings = [...stored.warnings];
    if (!output && site.paths) warnings.push(`${path.posix.dirname(stored.path)}/ is not copied into the site (no addPassthroughCopy covers it), so pages cannot show ${stored.path} yet.`);
    const commit = ctx.git ? await ctx.git.commitFile(stored.path, `Add ${stored.path}`) : null;
    ctx.log(`[studio] stored ${stored.path}${stored.removed.length ? ` (cleaned: ${stored.removed.join("; ")})` : ""}`);
    // A new file in a passthrough folder reaches the preview through the dev session's next update.
    ctx.session.requestUpdate([path.join(ctx.inputDir, stored.path)]);
    return { status: 201, json: { ...stored, url: publicUrl(ctx.pathPrefix, output ?? stored.path), warnings, commit } };
  }, { action: "media.upload" });
}
