/**
 * The publish gate: a build of the site as the gate's git worktree has it (the merge to be
 * published), into the gate's output folder, by the engine in a worker thread of this process
 * (build-worker.ts). It uses the build cache, so after the last publish's build it renders only
 * the pages the change reaches; the cache falls back to a full build whenever it cannot prove that. The worktree gets the site's node_modules by a link (they are not
 * in git). Errors come back as the API shows them, with file paths relative to the site's
 * folder, as the user knows them.
 */
import { existsSync, symlinkSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BuildOptions } from "../../engine/build.js";
import type { ApiErrorJson } from "../server/http-error.js";
import type { BuildJob, BuildReply } from "./build-worker.js";

export interface BuildCheck {
  ok: boolean;
  /** The build's errors as the API shows them (code, message, hint, file, line, column). */
  errors: ApiErrorJson[];
  pages: number;
  /** Pages the build rendered; the others kept their output from the last publish's build. */
  rendered: number;
  seconds: number;
}

/** A path of the studio's site (`cwd` of the repository at `root`) as the same path in the worktree. */
function moved(value: string | undefined, root: string, worktree: string): string | undefined {
  if (value === undefined || !path.isAbsolute(value)) return value;
  const relative = path.relative(root, value);
  return relative.startsWith("..") ? value : path.join(worktree, relative);
}

function runWorker(job: BuildJob): Promise<BuildReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./build-worker.js", import.meta.url), { workerData: job });
    let answered = false;
    worker.once("message", (reply: BuildReply) => {
      answered = true;
      resolve(reply);
    });
    const crashed = (message: string) => {
      if (answered) return;
      answered = true;
      resolve({ ok: false, pages: 0, rendered: 0, errors: [{ code: "ServeBuildCrashed", message: `The build crashed: ${message}`, hint: "This looks like a bug in Plinth; the site's folder is unchanged." }] });
    };
    worker.once("error", (error) => crashed(error.message));
    worker.once("exit", (code) => crashed(`its thread ended (exit ${code}) without an answer`));
  });
}

/** Builds the site as `worktree` (a checkout of the repository at `root`) has it, into `output`. */
export async function checkBuild(site: BuildOptions & { cwd: string }, root: string, worktree: string, output: string): Promise<BuildCheck> {
  const cwd = moved(site.cwd, root, worktree)!;
  const modules = path.join(site.cwd, "node_modules");
  const linked = path.join(cwd, "node_modules");
  if (existsSync(modules) && !existsSync(linked)) symlinkSync(modules, linked, "dir");
  const started = performance.now();
  const reply = await runWorker({
    cwd,
    input: moved(site.input, root, worktree),
    configPath: moved(site.configPath, root, worktree),
    pathPrefix: site.pathPrefix,
    formats: site.formats,
    output,
  });
  return { ...reply, seconds: (performance.now() - started) / 1000 };
}
