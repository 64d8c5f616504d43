/**
 * Which changed files a remembered build can follow, and why the others mean a full build.
 * A remembered build knows what a change to a template, a directory data file, a passthrough
 * file, a layout or an include a page read does. Code it cannot see into (the config, its
 * modules, JavaScript data files and templates, plugins through the lockfile), ignore rules and
 * watch targets can change anything, as can a file no page is known to read.
 */
import path from "node:path";
import type { BuildState } from "../engine/build-state.js";
import { isLocalDataFile } from "../engine/incremental.js";
import { passthroughRoots } from "../engine/passthrough.js";
import { isInside } from "../engine/project-paths.js";
import { templateExtensionOf } from "../engine/scan.js";
import { watchTargetPaths } from "../engine/input-roots.js";

/** Code: what it does is known only by running it. */
const CODE = /\.(?:[cm]?[jt]sx?)$/;
const PROJECT_FILES = new Set(["package.json", "package-lock.json", ".package-lock.json", ".eleventyignore", ".gitignore"]);

/** Why these changes need a full build, before anything is read; undefined when a remembered build may follow them. */
export function fullBuildBefore(state: BuildState, changed: readonly string[]): string | undefined {
  const { paths, loaded } = state;
  const show = (file: string): string => path.relative(paths.cwd, file) || file;
  const targets = watchTargetPaths(paths.cwd, state.config);
  for (const file of changed) {
    if (file === loaded.configFile) return "the config file changed";
    if (CODE.test(file)) return `${show(file)} changed (code: its effect is known only by running it)`;
    if (PROJECT_FILES.has(path.basename(file))) return `${show(file)} changed`;
    if (targets.some((target) => isInside(target, file))) return `${show(file)} changed (a watch target)`;
  }
  return undefined;
}

/**
 * Why a change needs a full build once the pages exist, or undefined. `readers` says whether
 * some page read the file when it last rendered (a layout, an include).
 */
export function fullBuildAfterScan(state: BuildState, changed: Iterable<string>, isRead: (file: string) => boolean): string | undefined {
  const { paths, project, config } = state;
  const copies = passthroughRoots(config.passthroughCopies, paths);
  const show = (file: string): string => path.relative(paths.cwd, file) || file;
  for (const file of changed) {
    // Global data is compared by value before the build: a data file that gives the same data is no change.
    if (isInside(paths.data, file)) continue;
    if (isRead(file)) continue;
    if (copies.some((root) => isInside(root, file))) continue;
    const outsideTemplates = isInside(paths.includes, file) || isInside(paths.layouts, file);
    if (isInside(paths.input, file) && !outsideTemplates) {
      // A page's own file or a directory data file: the pages' stamps hold what they gave.
      if (isLocalDataFile(file) || (templateExtensionOf(file, project.templateFormats) !== undefined && !state.ignore(file))) continue;
    }
    return `${show(file)} changed, and no page is known to read it`;
  }
  return undefined;
}
