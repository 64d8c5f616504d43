/**
 * The publish gate: a full build, in this process, of the site as a temporary git worktree
 * has it (the merge to be published), into a temporary output folder. The worktree gets the
 * site's node_modules by a link (they are not in git), and the build's ELEVENTY_* environment
 * is put back afterwards so the running dev session is not disturbed. Errors come back as the
 * catalog's errors with file paths relative to the site's folder, as the user knows them.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build, type BuildOptions } from "../../engine/build.js";
import { buildErrors } from "../../server/dev-session.js";
import { errorJson, type ApiErrorJson } from "../server/http-error.js";

export interface BuildCheck {
  ok: boolean;
  /** The build's errors as the API shows them (code, message, hint, file, line, column). */
  errors: ApiErrorJson[];
  pages: number;
  seconds: number;
}

/** A path of the studio's site (`cwd` of the repository at `root`) as the same path in the worktree. */
function moved(value: string | undefined, root: string, worktree: string): string | undefined {
  if (value === undefined || !path.isAbsolute(value)) return value;
  const relative = path.relative(root, value);
  return relative.startsWith("..") ? value : path.join(worktree, relative);
}

/** Builds the site as `worktree` (a checkout of the repository at `root`) has it. */
export async function checkBuild(site: BuildOptions & { cwd: string }, root: string, worktree: string): Promise<BuildCheck> {
  const cwd = moved(site.cwd, root, worktree)!;
  const modules = path.join(site.cwd, "node_modules");
  const linked = path.join(cwd, "node_modules");
  if (existsSync(modules) && !existsSync(linked)) symlinkSync(modules, linked, "dir");
  const output = mkdtempSync(path.join(os.tmpdir(), "plinth-publish-out-"));
  const saved = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith("ELEVENTY_")).map((k) => [k, process.env[k]]));
  const started = performance.now();
  try {
    const result = await build({
      cwd,
      input: moved(site.input, root, worktree),
      configPath: moved(site.configPath, root, worktree),
      pathPrefix: site.pathPrefix,
      formats: site.formats,
      output,
      runMode: "build",
    });
    return { ok: true, errors: [], pages: result.pages.length, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const errors = buildErrors(error).map((e) => relativeTo(e, cwd));
    return { ok: false, errors, pages: 0, seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const key of Object.keys(process.env)) if (key.startsWith("ELEVENTY_") && !(key in saved)) delete process.env[key];
    for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
    rmSync(output, { recursive: true, force: true });
  }
}

/** The error's JSON with its file named relative to the site's folder rather than the temporary worktree. */
function relativeTo(error: Parameters<typeof errorJson>[0], cwd: string): ApiErrorJson {
  const json = errorJson(error);
  const file = json.file;
  if (file && path.isAbsolute(file) && !path.relative(cwd, file).startsWith("..")) json.file = path.relative(cwd, file).split(path.sep).join("/");
  if (json.file?.startsWith("./")) json.file = json.file.slice(2);
  json.message = json.message.split(cwd + path.sep).join("").split(cwd).join(".");
  return json;
}
