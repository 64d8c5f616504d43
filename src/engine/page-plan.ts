/**
 * What phase 4 needs to know of the templates before it makes pages: which are valid, which
 * paginate collections (and so wait for them), and the order of the steps (template-order.ts).
 * An update whose data phase re-made a few templates in place patches the last build's answers
 * for those templates, without a pass over every template, while each keeps its role.
 */
import type { PlinthError } from "../errors/plinth-error.js";
import { asPlinthError, fail } from "./build-errors.js";
import type { BuildState } from "./build-state.js";
import type { Template } from "./page-model.js";
import { paginatesCollections, paginationSpec } from "./pagination.js";
import { sameRole, templateOrder, type TemplateOrder } from "./template-order.js";

export interface PagePlan {
  /** The templates whose pagination is valid, in order; steps name them by index. */
  valid: Template[];
  /** Templates that paginate collections: their pages are kept only while their expansion holds. */
  waits: Set<Template>;
  /** Of those, the ones paginating `collections` itself: its names. */
  paginatesNames: Set<Template>;
  plan: TemplateOrder;
  /** True when the order is the last build's. */
  sameOrder: boolean;
}

/** The last build's plan with the template list it was made for (the data phase patches that list in place). */
const plans = new WeakMap<BuildState, { templates: Template[]; plan: PagePlan }>();

/** Puts the re-made templates in their predecessors' places; false when one of them plays another role now. */
function patchPlan(plan: PagePlan, state: BuildState, inPlace: ReadonlyMap<string, Template>): boolean {
  for (const [file, old] of inPlace) {
    const now = state.templates.get(file);
    const at = plan.valid.indexOf(old);
    if (!now || at < 0 || !sameRole(old, now)) return false;
    let spec;
    try {
      spec = paginationSpec(now.data, now.source.inputPath);
    } catch {
      return false;
    }
    plan.valid[at] = now;
    plan.waits.delete(old);
    plan.paginatesNames.delete(old);
    if (spec && paginatesCollections(spec)) plan.waits.add(now);
    if (spec?.data === "collections") plan.paginatesNames.add(now);
  }
  return true;
}

export function planPages(state: BuildState, templates: Template[], inPlace: ReadonlyMap<string, Template> | undefined, errors: PlinthError[]): PagePlan {
  const last = plans.get(state);
  if (inPlace?.size && last?.templates === templates && state.order === last.plan.plan && last.plan.valid.length === templates.length && patchPlan(last.plan, state, inPlace)) {
    return { ...last.plan, sameOrder: true };
  }
  const waits = new Set<Template>();
  const paginatesNames = new Set<Template>();
  const valid: Template[] = [];
  for (const template of templates) {
    try {
      const spec = paginationSpec(template.data, template.source.inputPath);
      if (spec && paginatesCollections(spec)) waits.add(template);
      if (spec?.data === "collections") paginatesNames.add(template);
      valid.push(template);
    } catch (error) {
      errors.push(asPlinthError(error, template.source.inputPath));
    }
  }
  const orderBefore = state.order;
  let plan: TemplateOrder;
  try {
    plan = state.order = templateOrder(valid, state.config.collections.keys(), state.order);
  } catch (error) {
    // A cycle is reported with the other errors of the build.
    errors.push(asPlinthError(error, "(collections)"));
    fail(errors);
    throw error;
  }
  const result = { valid, waits, paginatesNames, plan, sameOrder: plan === orderBefore };
  plans.set(state, { templates, plan: result });
  return result;
}
