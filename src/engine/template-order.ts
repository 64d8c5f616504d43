/**
 * The order in which templates are expanded into pages and collections are made, as Eleventy
 * orders them (its TemplateMap and TemplateDepGraph). Each template consumes the collection it
 * paginates and those it names in `eleventyImport.collections`, and publishes to `all` and to
 * its tags. A collection is made once the templates publishing to it have their pages, so a
 * template paginating `collections.all` sees the pages of a template paginating `collections`
 * with `addAllPagesToCollections`. Four stages order what the names alone do not:
 * templates that consume nothing, then the `addCollection` collections, then `collections`
 * itself (every collection, which also makes `all`), then `all`; `all` is made again at the end.
 */
import { PlinthError } from "../errors/plinth-error.js";
import { normalizeTags, type DataObject } from "./data-merge.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import { OrderGraph } from "./order-graph.js";
import type { Template } from "./page-model.js";

/**
 * One step: expand a template into its pages (a number: its place in the list of templates
 * given), or make a collection from the pages so far (its name). Numbers keep an order valid
 * for the next update's templates, which are the same files in the same places.
 */
export type OrderStep = number | string;

/** The steps of a build, with what they were computed from, to reuse while that holds. */
export interface TemplateOrder {
  steps: OrderStep[];
  /** Each template's file and role (what it consumes and publishes), in input order. */
  roles: string[];
  custom: string;
}

const STAGES = ["[basic]", "[userconfig]", "[keys]", "all"] as const;
const EVERY = "[keys]";

interface Role {
  /** The collection the template paginates ("[keys]" for `collections` itself). */
  paginates?: string;
  consumes: string[];
  publishes: string[];
  /** The file and the above, to tell whether an order still holds. */
  key: string;
}

/** The collection a `pagination.data` value names, as Eleventy reads it. */
export function paginatedCollection(data: unknown): string | undefined {
  if (typeof data !== "string") return undefined;
  if (data === "collections") return EVERY;
  if (data.startsWith("collections.")) return data.slice("collections.".length);
  if (data.startsWith("collections['") || data.startsWith('collections["')) return data.slice("collections['".length, -2);
  return undefined;
}

/** `all` and the tags, less what `eleventyExcludeFromCollections` removes. */
function publishedCollections(data: DataObject): string[] {
  const excluded = data.eleventyExcludeFromCollections;
  if (excluded === true) return [];
  const skip = Array.isArray(excluded) ? excluded.map(String) : typeof excluded === "string" ? excluded.split(",") : [];
  return ["all", ...(normalizeTags(data.tags || undefined) ?? [])].filter((name) => !skip.includes(name));
}

const roles = new WeakMap<Template, Role>();

function roleOf(template: Template): Role {
  let role = roles.get(template);
  if (!role) {
    const pagination = template.data.pagination as DataObject | undefined;
    const paginates = paginatedCollection(pagination?.data);
    const imports = (template.data.eleventyImport as DataObject | undefined)?.collections;
    const consumes = [paginates, ...(Array.isArray(imports) ? imports : [])].filter(Boolean).map(String);
    const publishes = publishedCollections(template.data);
    const key = `${template.source.file}\0${consumes.join("\u0001")}\0${publishes.join("\u0001")}`;
    role = { paginates, consumes, publishes, key };
    roles.set(template, role);
  }
  return role;
}

/** True when two templates of one file consume and publish the same collections (the order of the steps holds). */
export function sameRole(a: Template, b: Template): boolean {
  return roleOf(a).key === roleOf(b).key;
}

const templateNode = (index: number): string => `t${index}`;
const collectionNode = (name: string): string => `c:${name}`;

/** Eleventy's graph of the templates: see TemplateDepGraph.addTemplate. */
function buildGraph(templates: readonly Template[], custom: ReadonlySet<string>): OrderGraph {
  const graph = new OrderGraph();
  // all uses every collection, which uses the addCollection ones, which use the basic stage.
  for (let i = STAGES.length - 1; i > 0; i--) graph.uses(collectionNode(STAGES[i]!), collectionNode(STAGES[i - 1]!));
  // A name made by addCollection brings in its stage.
  const withStage = (names: string[]): string[] => (!names.includes("[userconfig]") && names.some((n) => custom.has(n)) ? [...new Set([...names, "[userconfig]"])] : names);
  templates.forEach((template, index) => {
    const node = templateNode(index);
    const role = roleOf(template);
    if (role.consumes.length === 0) graph.uses(collectionNode("[basic]"), node);
    const consumes = withStage(role.consumes);
    const consumesAll = consumes.includes("all");
    // A template that reads `all` is not in the `all` it reads: its pages join the final one.
    const publishes = withStage(role.publishes).filter((name) => !consumesAll || name !== "all");
    const stage = consumes.includes("[userconfig]") ? "[keys]" : "[basic]";
    for (const name of publishes) {
      const bracketed = name.startsWith("[") && name.endsWith("]");
      if (!consumesAll && name !== "all" && !bracketed && !custom.has(name)) graph.uses(collectionNode(stage), collectionNode(name));
      graph.uses(collectionNode(name), node);
    }
    for (const name of consumes) {
      graph.uses(node, collectionNode(name));
      // A template reading a stage is done before the next stage is made.
      const at = (STAGES as readonly string[]).indexOf(name);
      if (at > 0 && at < STAGES.length - 1) graph.uses(collectionNode(STAGES[at + 1]!), node);
    }
  });
  for (const name of custom) graph.uses(collectionNode(EVERY), collectionNode(name));
  return graph;
}

/**
 * The steps of a build over `templates`. `previous` is reused when every template plays the
 * role it played then, the common case of an update.
 */
export function templateOrder(templates: readonly Template[], customNames: Iterable<string>, previous?: TemplateOrder): TemplateOrder {
  const customList = [...customNames].filter((name) => name !== "all");
  const custom = customList.join("\u0001");
  const keys = templates.map((template) => roleOf(template).key);
  if (previous && previous.custom === custom && previous.roles.length === keys.length && previous.roles.every((key, i) => key === keys[i])) return previous;
  const graph = buildGraph(templates, new Set(customList));
  const order = graph.order();
  // A template paginating a tag it has itself fails when it is expanded, with Eleventy's own error.
  if (!templates.some(paginatesItsOwnTag)) checkPaginationCycles(graph, order, templates);
  const steps: OrderStep[] = [];
  for (const id of order) {
    const node = graph.name(id);
    if (!node.startsWith("c:")) {
      steps.push(Number(node.slice(1)));
      continue;
    }
    const name = node.slice(2);
    // `collections` itself is made by making `all`; the other stages make nothing.
    if (name === EVERY) steps.push("all");
    else if (!name.startsWith("[") && !name.endsWith("]")) steps.push(name);
  }
  if (graph.name(order[order.length - 1]!) !== collectionNode("all")) steps.push("all");
  return { steps, roles: keys, custom };
}

function paginatesItsOwnTag(template: Template): boolean {
  const { paginates, publishes } = roleOf(template);
  return paginates !== undefined && paginates !== "all" && publishes.includes(paginates);
}

/**
 * A template paginating a collection must come after every page that collection holds. Where
 * the templates form a cycle, Eleventy cuts it somewhere and paginates an unfinished
 * collection without a word (a tag page template that is itself tagged makes no tag pages);
 * Plinth reports the cycle instead. A cycle through `eleventyImport` alone changes no page
 * and is left as Eleventy leaves it.
 */
function checkPaginationCycles(graph: OrderGraph, order: readonly number[], templates: readonly Template[]): void {
  const position = new Int32Array(order.length);
  order.forEach((id, i) => (position[id] = i));
  const isCollection = (id: number): boolean => graph.name(id).startsWith("c:");
  const userconfig = graph.node(collectionNode("[userconfig]"));
  // Edges that must be kept: a collection waits for what it is made of, a template for what it paginates.
  const mustFollow = (id: number): readonly number[] => {
    if (isCollection(id)) return graph.dependenciesOf(id);
    const paginates = roleOf(templates[Number(graph.name(id).slice(1))]!).paginates;
    if (!paginates) return [];
    const target = graph.node(collectionNode(paginates));
    return graph.dependenciesOf(id).filter((dep) => dep === target || dep === userconfig);
  };
  const checked = new Uint8Array(order.length);
  const check = (start: number): void => {
    const stack = [start];
    while (stack.length) {
      const id = stack.pop()!;
      if (checked[id]) continue;
      checked[id] = 1;
      for (const dep of mustFollow(id)) {
        if (position[dep]! > position[id]!) throw cycleError(graph, id, dep, templates);
        stack.push(dep);
      }
    }
  };
  templates.forEach((template, index) => {
    if (roleOf(template).paginates) check(graph.node(templateNode(index)));
  });
}

/** The nodes on a path from `from` to `to`, both included (one exists: `to` was on the walk's path). */
function pathBetween(graph: OrderGraph, from: number, to: number): number[] {
  const cameFrom = new Map<number, number>([[from, from]]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === to) break;
    for (const dep of graph.dependenciesOf(id)) {
      if (!cameFrom.has(dep)) {
        cameFrom.set(dep, id);
        queue.push(dep);
      }
    }
  }
  const path = [to];
  while (path[0] !== from) path.unshift(cameFrom.get(path[0]!)!);
  return path;
}

function describe(node: string, templates: readonly Template[]): string | undefined {
  if (!node.startsWith("c:")) return templates[Number(node.slice(1))]!.source.inputPath;
  const name = node.slice(2);
  if (name === EVERY) return "`collections` (every collection)";
  if (name.startsWith("[")) return undefined;
  return `\`collections.${name}\``;
}

/** How `node` depends on `dep`, in words. */
function relation(node: string, dep: string, templates: readonly Template[]): string {
  if (node.startsWith("c:")) return dep.startsWith("c:") ? "is made after" : "holds the pages of";
  const paginates = roleOf(templates[Number(node.slice(1))]!).paginates;
  return paginates && collectionNode(paginates) === dep ? "paginates" : "reads";
}

function cycleError(graph: OrderGraph, id: number, dep: number, templates: readonly Template[]): PlinthError {
  // id must follow dep, and dep (through the path) must follow id: the cycle.
  const cycle = [id, ...pathBetween(graph, dep, id)].map((n) => graph.name(n));
  const named = cycle.map((node) => ({ node, name: describe(node, templates) })).filter((n) => n.name !== undefined);
  const lines: string[] = [];
  for (let i = 0; i + 1 < named.length; i++) {
    const a = named[i]!;
    const b = named[i + 1]!;
    lines.push(`  ${a.name} ${relation(a.node, b.node, templates)} ${b.name}`);
  }
  // The error points at a template on the cycle that paginates, the one to change.
  const onCycle = named.filter((n) => !n.node.startsWith("c:")).map((n) => templates[Number(n.node.slice(1))]!);
  const template = onCycle.find((t) => roleOf(t).paginates) ?? onCycle[0]!;
  const published = roleOf(template).publishes.filter((n) => n !== "all").map((n) => `\`collections.${n}\``);
  const member = published.length ? ` (its pages are in ${published.join(", ")})` : "";
  return new PlinthError("PaginationCycle", `${template.source.inputPath} paginates a collection that is not finished until its own pages are made${member}:\n${lines.join("\n")}\nEleventy would paginate the unfinished collection without a warning.`, {
    location: { file: template.source.inputPath, ...frontMatterKeyLocation(template.source.text, "pagination") },
    source: template.source.text,
  });
}
