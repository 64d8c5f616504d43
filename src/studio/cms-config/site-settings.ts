/**
 * What the studio's routes need from a site's settings at each request: the schema overrides
 * (from studio.config.yml and other CMSs' configs), the folders the media library offers, the
 * upload size limit, and the members model's folders when the site has a roster.
 */
import path from "node:path";
import { hasTiersFile, loadMembersSchema } from "../../members/schema.js";
import type { StudioContext } from "../server/context.js";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../media/upload.js";
import { loadSchemaOverrides } from "./load.js";
import type { SchemaOverrides } from "./types.js";

export interface StudioSettings {
  overrides: SchemaOverrides;
  /** Folders for the media library: upload folders of fields and collections, the logo folder. */
  uploadFolders: string[];
  maxUploadBytes: number;
  members?: { folder: string; logoFolder: string; dataDir: string };
}

export function dataDirOf(ctx: Pick<StudioContext, "session" | "inputDir">): string {
  return ctx.session.site.lastResult?.paths.data ?? path.join(ctx.inputDir, "_data");
}

export function studioSettings(ctx: Pick<StudioContext, "session" | "inputDir" | "cwd">): StudioSettings {
  const overrides = loadSchemaOverrides(ctx.cwd, ctx.inputDir);
  const dataDir = dataDirOf(ctx);
  const members = hasTiersFile(dataDir) ? loadMembersSchema(dataDir).schema : undefined;
  const folders = [...(overrides.media.uploadFolder ? [overrides.media.uploadFolder] : []), ...overrides.media.folders, ...(members ? [members.logoFolder] : [])];
  return {
    overrides,
    uploadFolders: [...new Set(folders)],
    maxUploadBytes: overrides.media.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    members: members ? { folder: members.folder, logoFolder: members.logoFolder, dataDir } : undefined,
  };
}
