/** Phase 3, data: each template with its cascaded data, and the config's preprocessors. */
import { asPlinthError } from "./build-errors.js";
import type { BuildState } from "./build-state.js";
import { isLocalDataFile } from "./incremental.js";
import { LocalData } from "./local-data.js";
import type { PlinthError } from "../errors/plinth-error.js";
import type { Template } from "./page-model.js";
import { buildTemplate, type TemplateDataContext } from "./template-data.js";
import type { TemplateSource } from "./template-source.js";

/**
 * Phase 3: each template's data. A template is reused when nothing it was made from changed;
 * the files of the others are added to `remade`.
 */
export async function buildTemplates(state: BuildState, sources: TemplateSource[], changed: ReadonlySet<string> | undefined, errors: PlinthError[], remade?: Set<string>): Promise<Template[]> {
  const dataChanged = changed ? [...changed].some(isLocalDataFile) : true;
  const ctx: TemplateDataContext = {
    globalData: state.globalData,
    localData: new LocalData(state.paths.input, state.dataContext, state.files),
    layouts: state.layouts,
    languages: state.languages,
    deepMerge: state.config.dataDeepMerge,
    freezeReservedData: state.config.freezeReservedData,
    dateParsing: state.config.dateParsing,
  };
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
