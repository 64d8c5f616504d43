/** Phases 1 and 2, scan and read: the template files of the input folder, and the config's virtual templates. */
import { existsSync } from "node:fs";
import { PlinthError } from "../errors/plinth-error.js";
import { asPlinthError } from "./build-errors.js";
import type { BuildState } from "./build-state.js";
import { tuneHeapFor } from "./heap-policy.js";
import { tuneJitFor } from "./jit-policy.js";
import { javascriptTemplate, loadJavaScriptTemplate, type JavaScriptTemplate } from "./javascript-template.js";
import { isInside } from "./project-paths.js";
import { isJavaScriptTemplateExtension, scan, templateExtensionOf, type ScanResult } from "./scan.js";
import { applyJavaScriptFrontMatter } from "./javascript-front-matter.js";
import { readTemplateSource, recalledSource, sourceFromText, type TemplateSource } from "./template-source.js";

function byInputPath(a: TemplateSource, b: TemplateSource): number {
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

/** Reads one template file: its front matter and body, or a JavaScript template's module. */
async function readSource(state: BuildState, file: string): Promise<TemplateSource> {
  const { paths, project, config, show } = state;
  const extension = templateExtensionOf(file, project.templateFormats)!;
  const custom = state.languages.custom;
  const mode = custom.readMode(extension);
  const overlaid = state.options.sourceOverlay?.get(file);
  let source: TemplateSource;
  if (overlaid !== undefined && !isJavaScriptTemplateExtension(extension) && mode !== "javascript" && mode !== "none") {
    // The studio's unsaved text, read as the file's would be.
    source = sourceFromText(file, paths.input, show(file), extension, overlaid, false, config.frontMatterParsingOptions);
    await applyJavaScriptFrontMatter(source);
  } else if (isJavaScriptTemplateExtension(extension) || mode === "javascript") {
    const javascript = await loadJavaScriptTemplate(file, show(file), ++javascriptVersion);
    source = javascriptSource(file, paths.input, show(file), javascript, false, extension);
  } else if (mode === "none") {
    source = sourceFromText(file, paths.input, show(file), extension, "", false);
  } else {
    const memory = state.options.parsedSources;
    const recalled = memory?.recall(file);
    source = recalled ? recalledSource(file, paths.input, show(file), extension, recalled) : readTemplateSource(file, paths.input, show(file), extension, config.frontMatterParsingOptions);
    await applyJavaScriptFrontMatter(source);
    // Taken before a language's extra data joins: that is asked for again each build.
    if (source.frontMatter.javascript === undefined) memory?.note(source);
  }
  // A custom language's `getData` adds to the file's own data, above its front matter.
  const extra = custom.size ? await custom.extraData(extension, show(file)) : undefined;
  if (extra) source.frontMatter.data = { ...source.frontMatter.data, ...extra };
  return source;
}

/**
 * Phases 1 and 2: scan and read, in input path order. With `changed`, only changed template
 * files are read again; when every changed file is one the last scan found and it still
 * exists, nothing was added or removed, so the folder walk is skipped and the order stands.
 * A template inside a passthrough copy is read too: Eleventy both copies it and renders it.
 */
export async function readSources(state: BuildState, changed: ReadonlySet<string> | undefined, errors: PlinthError[]): Promise<TemplateSource[]> {
  const overlay = state.options.sourceOverlay;
  const onlyEdits = changed && state.scanned && [...changed].every((f) => state.files.has(f) && (existsSync(f) || overlay?.has(f)));
  if (onlyEdits) {
    // The edited sources take their predecessors' places, in the map and the list: no pass over
    // every source (a file that fails to read keeps its last source, and the build fails).
    for (const file of changed) {
      const previous = state.sources.get(file);
      if (!previous || previous.virtual) continue;
      try {
        const source = await readSource(state, file);
        state.sources.set(file, source);
        state.sourceList[state.sourceList.indexOf(previous)] = source;
      } catch (error) {
        errors.push(asPlinthError(error, state.show(file)));
      }
    }
    return state.sourceList;
  }
  const { paths, project, config, show } = state;
  const extensions = project.templateFormats;
  const scanned = withOverlaidFiles(state, scan({ paths, ignore: state.ignore, templateExtensions: extensions }));
  state.scanned = scanned;
  state.files = new Set(scanned.files);
  if (!changed) {
    state.languages.prepareMarkdown(scanned.templates.filter((file) => file.endsWith(".md")).length);
    tuneHeapFor(scanned.templates.length);
    tuneJitFor(scanned.templates.length);
  }
  const next = new Map<string, TemplateSource>();
  let read = 0;
  for (const file of scanned.templates) {
    const previous = state.sources.get(file);
    if (previous && changed && !changed.has(file)) {
      next.set(file, previous);
      continue;
    }
    try {
      const source = await readSource(state, file);
      next.set(file, source);
      if (!changed) {
        sendAhead(state, source);
        // Lets the Markdown thread's replies in, so it always has pages ahead to render.
        if (++read % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      errors.push(asPlinthError(error, show(file)));
    }
  }
  for (const virtual of config.virtualTemplates) {
    const file = `${paths.input}/${virtual.path}`;
    const previous = state.sources.get(file);
    if (previous?.virtual) {
      next.set(file, previous);
      continue;
    }
    const ext = templateExtensionOf(file, [...extensions, "njk", "liquid", "md", "html", "11ty.js"]);
    try {
      if (ext === "11ty.js" || (ext && typeof virtual.content !== "string")) {
        const javascript = await javascriptTemplate(virtual.content, show(file));
        const source = javascriptSource(file, paths.input, show(file), javascript, true);
        source.frontMatter.data = { ...javascript.data, ...virtual.data };
        next.set(file, source);
        continue;
      }
      if (!ext) throw new PlinthError("UnsupportedApi", `The virtual template ${virtual.path} has no known template extension; see COMPAT.md`);
      const source = sourceFromText(file, paths.input, show(file), ext, virtual.content as string, true);
      await applyJavaScriptFrontMatter(source);
      source.frontMatter.data = { ...virtual.data, ...source.frontMatter.data };
      next.set(file, source);
    } catch (error) {
      errors.push(asPlinthError(error, show(file)));
    }
  }
  state.sources = next;
  state.sourceList = [...next.values()].sort(byInputPath);
  state.options.parsedSources?.seal();
  return state.sourceList;
}

/**
 * A Markdown body without template syntax renders the same whatever its page's data turns out
 * to be, so the Markdown thread can start on it while the main thread goes on reading and
 * merging data. If the page's chain turns out otherwise, the early result is simply not used.
 */
function sendAhead(state: BuildState, source: TemplateSource): void {
  // A build that renders a few pages would only read bodies it does not need.
  if (state.languages.rendersFew || source.extension !== "md" || source.frontMatter.data.templateEngineOverride !== undefined) return;
  state.languages.prerenderMarkdown(source.file, source.frontMatter.body);
}

let javascriptVersion = 0;

function javascriptSource(file: string, inputDir: string, inputPath: string, javascript: JavaScriptTemplate, virtual: boolean, extension = "11ty.js"): TemplateSource {
  const source = sourceFromText(file, inputDir, inputPath, extension, "", virtual);
  source.frontMatter.data = javascript.data;
  source.javascript = javascript;
  return source;
}

/** Templates that exist only in the source overlay (a new entry not saved yet) join the scan's. */
function withOverlaidFiles(state: BuildState, scanned: ScanResult): ScanResult {
  const overlay = state.options.sourceOverlay;
  if (!overlay?.size) return scanned;
  const known = new Set(scanned.files);
  const { paths, project } = state;
  const added = [...overlay.keys()].filter(
    (file) =>
      !known.has(file) &&
      isInside(paths.input, file) &&
      !isInside(paths.includes, file) &&
      !isInside(paths.layouts, file) &&
      !isInside(paths.data, file) &&
      !state.ignore(file) &&
      templateExtensionOf(file, project.templateFormats) !== undefined,
  );
  if (!added.length) return scanned;
  return { templates: [...scanned.templates, ...added].sort(), files: [...scanned.files, ...added].sort() };
}
