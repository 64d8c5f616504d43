/**
 * The publish gate's build, in a worker thread of the studio's process: a build of the gate's
 * worktree with the build cache (the pages the change reaches render; a full build when the
 * cache cannot follow), answering whether it built, how many pages, how many rendered, and
 * its errors as the API shows them (files relative to the site's folder). A thread keeps the
 * studio answering everyone else while a large site builds, and has its own ELEVENTY_*
 * environment, so the dev session's is untouched.
 */
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { buildUsingCache } from "../../cache/cached-build.js";
import { buildErrors } from "../../server/dev-session.js";
import { errorJson, type ApiErrorJson } from "../server/http-error.js";

export interface BuildJob {
  cwd: string;
  input?: string;
  configPath?: string;
  pathPrefix?: string;
  formats?: string;
  output: string;
}

export interface BuildReply {
  ok: boolean;
  pages: number;
  rendered: number;
  errors: ApiErrorJson[];
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

async function run(job: BuildJob): Promise<BuildReply> {
  try {
    const outcome = await buildUsingCache({ ...job, runMode: "build" });
    // Nothing changed since the last publish's build (an unpublish put back what it had): it stands.
    if (outcome.cached) return { ok: true, pages: outcome.summary.pages, rendered: 0, errors: [] };
    return { ok: true, pages: outcome.result.pages.length, rendered: outcome.result.rendered, errors: [] };
  } catch (error) {
    return { ok: false, pages: 0, rendered: 0, errors: buildErrors(error).map((e) => relativeTo(e, job.cwd)) };
  }
}

if (parentPort) parentPort.postMessage(await run(workerData as BuildJob));
