/** Phase 3, data: each template with its cascaded data, and the config's preprocessors. */
import { asPlinthError } from "./build-errors.js";
import type { BuildState } from "./build-state.js";
import { isLocalDataFile } from "./incremental.js";
import { isInside } from "./project-paths.js";
import { LocalData } from "./local-data.js";
import type { PlinthError } from "../errors/plinth-error.js";
import type { Template } from "./page-model.js";
import { buildTemplate, type TemplateDataContext } from "./template-data.js";
import type { TemplateSource } from "./template-source.js";

/**
 * The last build's list of templates, which an update that edits templates only patches in
 * place, and the list of sources it was made from (the read phase patches that one in place
 * too, unless files came or went).
 */
const lists = new WeakMap<BuildState, { templates: Template[]; sources: TemplateSource[] }>();

/**
 * Phase 3: each template's data. A template is reused when nothing it was made from changed;
 * the files of the others are added to `remade`. When the update only edited templates (no
 * data file, layout or include), the edited ones take their predecessors' places in the last
 * build's map and list, without a pass over every template; `replacedInPlace` then gets the
 * templates they replaced, by file.
 */
export async function buildTemplates(
  state: BuildState,
  sources: TemplateSource[],
  changed: ReadonlySet<string> | undefined,
  errors: PlinthError[],
  remade?: Set<string>,
  replacedInPlace?: Map<string, Template>,
): Promise<Template[]> {
  const dataChanged = changed ? [...changed].some(isLocalDataFile) : true;
  const ctx = dataContext(state);
  const last = lists.get(state)?.sources === sources ? lists.get(state)!.templates : undefined;
  if (changed && !dataChanged && last && replacedInPlace && onlyTemplateEdits(state, changed)) {
    const patched = await patchTemplates(state, last, changed, ctx, errors);
    if (patched) {
      for (const [file, [before, now]] of patched) {
        remade?.add(file);
        replacedInPlace.set(file, before);
        state.templates.set(file, now);
        last[last.indexOf(before)] = now;
      }
      return last;
    }
    if (errors.length) return last;
  }
  return buildAll(state, sources, changed, dataChanged, ctx, errors, remade);
}

function dataContext(state: BuildState): TemplateDataContext {
  return {
    globalData: state.globalData,
    localData: new LocalData(state.paths.input, state.dataContext, state.files),
    layouts: state.layouts,
    languages: state.languages,
    deepMerge: state.config.dataDeepMerge,
    freezeReservedData: state.config.freezeReservedData,
    dateParsing: state.config.dateParsing,
  };
}

/** Every changed file is a template's source, and none is where layouts and includes are (so no template's layout changed). */
function onlyTemplateEdits(state: BuildState, changed: ReadonlySet<string>): boolean {
  const { includes, layouts } = state.paths;
  for (const file of changed) {
    if (!state.templates.has(file) || !state.sources.has(file) || isInside(includes, file) || isInside(layouts, file)) return false;
  }
  return true;
}

/**
 * The changed templates made again, each with the one it replaces; undefined when one of them
 * is now dropped by a preprocessor or failed (its error is in `errors`).
 */
async function patchTemplates(state: BuildState, list: Template[], changed: ReadonlySet<string>, ctx: TemplateDataContext, errors: PlinthError[]): Promise<Map<string, [Template, Template]> | undefined> {
  const patched = new Map<string, [Template, Template]>();
  for (const file of changed) {
    const before = state.templates.get(file)!;
    const source = state.sources.get(file);
    if (!source || source === before.source) continue;
    try {
      const now = await preprocess(state, await buildTemplate(source, ctx));
      if (!now || !list.includes(before)) return undefined;
      patched.set(file, [before, now]);
    } catch (error) {
      errors.push(asPlinthError(error, source.inputPath));
      return undefined;
    }
  }
  return patched;
}

async function buildAll(state: BuildState, sources: TemplateSource[], changed: ReadonlySet<string> | undefined, dataChanged: boolean, ctx: TemplateDataContext, errors: PlinthError[], remade?: Set<string>): Promise<Template[]> {
  const next = new Map<string, Template>();
  // In source order, which is input path order; a preprocessor may drop a template.
  const made: (Template | undefined)[] = new Array(sources.length);
  const pending: Promise<void>[] = [];
  sources.forEach((source, index) => {
    const previous = state.templates.get(source.file);
    const reusable = previous && previous.source === source && changed && !dataChanged && !previous.layouts.some((l) => changed.has(l.source.file));
    if (reusable) {
      made[index] = previous;
      return;
    }
    remade?.add(source.file);
    pending.push(
      (async () => {
        try {
          made[index] = await preprocess(state, await buildTemplate(source, ctx));
        } catch (error) {
          errors.push(asPlinthError(error, source.inputPath));
        }
      })(),
    );
  });
  await Promise.all(pending);
  const list: Template[] = [];
  for (const template of made) {
    if (!template) continue;
    next.set(template.source.file, template);
    list.push(template);
  }
  state.templates = next;
  lists.set(state, { templates: list, sources });
  return list;
}

/**
 * `addPreprocessor`: runs on a template's body with its data before rendering. `false` drops
 * the template from the build; a string replaces the body.
 */
async function preprocess(state: BuildState, template: Template): Promise<Template | undefined> {
  let current = template;
  for (const [, { extensions, fn }] of state.config.preprocessors) {
    if (!extensions.includes("*") && !extensions.includes(current.source.extension)) continue;
    const result = await fn(current.data, current.source.frontMatter.body);
    if (result === false) return undefined;
    if (typeof result === "string") {
      current = { ...current, source: { ...current.source, frontMatter: { ...current.source.frontMatter, body: result } } };
    }
  }
  return current;
}
