/**
 * The members model as an Eleventy plugin. It uses only Eleventy 3's public config API
 * (`addGlobalData`, `addFilter`, `addTemplate`, `on`), so the same plugin runs under Eleventy
 * and under Plinth, and the two can be compared output for output.
 *
 * @example
 * // eleventy.config.js
 * import membersPlugin from "plinth/members";
 * export default (eleventyConfig) => eleventyConfig.addPlugin(membersPlugin, { memberField: "level" });
 */
import path from "node:path";
import { membershipChartSvg } from "./chart.js";
import { applyStrict, countBySeverity, displayPath, rosterFailure } from "./diagnostics.js";
import { embedPageHtml } from "./embed.js";
import { membersCsv, membersJson } from "./exports.js";
import { GitDates } from "./git-dates.js";
import { loadMembership, type MembershipModel } from "./load.js";
import { buildMembershipData, findMember, membersInTier, OUTPUT_URLS, type MembershipData } from "./roster.js";
import { hasTiersFile, type MembersSettings } from "./schema.js";
import { findTier } from "./tiers.js";

/** The part of Eleventy's `eleventyConfig` this plugin calls. */
export interface EleventyConfigApi {
  addGlobalData(name: string, data: unknown): unknown;
  addFilter(name: string, filter: (value: unknown, ...args: unknown[]) => unknown): unknown;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): unknown;
  addTemplateFormats?(formats: string): unknown;
  on(event: string, listener: (arg: unknown) => unknown): unknown;
  directories?: { input?: string; data?: string };
  /** Plinth only: `eleventy.before` listeners that render threads skip. */
  mainThreadListeners?: WeakSet<(arg: unknown) => unknown>;
}

export type OutputName = keyof typeof OUTPUT_URLS;

export interface MembersPluginOptions extends MembersSettings {
  /** The site's input folder; by default Eleventy's. */
  input?: string;
  /** The site's data folder; by default Eleventy's (`_data` in the input folder). */
  dataDir?: string;
  /** Fail the build on warnings too. Default: false. */
  strict?: boolean;
  /** Take `joined` from git history when a member file has none. Default: true. */
  gitDates?: boolean;
  /** Generated outputs to leave out, e.g. `{ csv: false }`. */
  outputs?: Partial<Record<OutputName, boolean>>;
  /** Name of the global data. Default: `membership`, which leaves a site's own `members` alone. */
  dataName?: string;
  /** Where warnings go; by default the console, one `[members]` line each. */
  log?: (line: string) => void;
}

interface Loaded {
  model: MembershipModel;
  data: MembershipData;
}

interface Directories {
  input: string;
  data: string;
}

/** True when the site declares tiers (`_data/tiers.json|yaml|yml`), so Plinth can enable the plugin itself. `dataDir` is relative to `inputDir`. */
export function detectMembersSite(inputDir: string, dataDir = "_data"): boolean {
  return hasTiersFile(path.resolve(inputDir, dataDir));
}

function directoriesFrom(value: unknown): Partial<Directories> {
  const dirs = (value as { directories?: { input?: unknown; data?: unknown } } | undefined)?.directories;
  return {
    input: typeof dirs?.input === "string" ? dirs.input : undefined,
    data: typeof dirs?.data === "string" ? dirs.data : undefined,
  };
}

export default function membersPlugin(eleventyConfig: EleventyConfigApi, options: MembersPluginOptions = {}): void {
  const gitDates = options.gitDates === false ? false : new GitDates();
  const log = options.log ?? ((line: string) => console.warn(line));
  let eventDirs: Partial<Directories> = {};
  let pending: Promise<Loaded> | undefined;
  let loaded: Loaded | undefined;

  const directories = (): Directories => {
    const config = eleventyConfig.directories ?? {};
    const input = path.resolve(options.input ?? eventDirs.input ?? config.input ?? ".");
    const data = options.dataDir ?? eventDirs.data ?? config.data;
    return { input, data: data ? path.resolve(data) : path.join(input, "_data") };
  };

  const load = (): Promise<Loaded> => {
    const dirs = directories();
    pending = loadMembership({ inputDir: dirs.input, dataDir: dirs.data, settings: options, gitDates }).then((model) => {
      loaded = { model, data: buildMembershipData(model) };
      return loaded;
    });
    return pending;
  };
  const current = (): Promise<Loaded> => pending ?? load();
  const snapshot = (): Loaded => {
    if (!loaded) throw new Error("The members plugin's data is not loaded yet; use its filters while rendering, not in config.");
    return loaded;
  };

  // Validation runs before every build (and every rebuild while serving), reloading the roster.
  const validate = async (arg: unknown): Promise<void> => {
    eventDirs = directoriesFrom(arg);
    const { model } = await load();
    const diagnostics = applyStrict(model.diagnostics, options.strict === true);
    const cwd = process.cwd();
    if (countBySeverity(diagnostics).errors > 0) throw rosterFailure(diagnostics, cwd);
    for (const d of diagnostics) log(`[members] warning ${displayPath(d.location.file, cwd)}:${d.location.line ?? 1} ${d.message}`);
  };
  eleventyConfig.on("eleventy.before", validate);
  // A render thread loads the roster through the global data; the main thread validates and warns.
  eleventyConfig.mainThreadListeners?.add(validate);

  eleventyConfig.addGlobalData(options.dataName ?? "membership", async () => (await current()).data);

  eleventyConfig.addFilter("memberByName", (name) => (typeof name === "string" ? findMember(snapshot().data, name) : undefined));
  eleventyConfig.addFilter("membersInTier", (tier) => (typeof tier === "string" ? membersInTier(snapshot().data, tier) : []));
  eleventyConfig.addFilter("tierById", (id) => (typeof id === "string" ? findTier(snapshot().data.tiers, id) : undefined));

  const outputs: Record<OutputName, (loaded: Loaded) => string> = {
    json: ({ model }) => membersJson(model),
    csv: ({ model }) => membersCsv(model),
    embed: ({ data }) => embedPageHtml(data),
    chart: ({ model }) => membershipChartSvg(model.members, model.schema.tiers),
  };
  eleventyConfig.addTemplateFormats?.("11ty.js");
  for (const [name, render] of Object.entries(outputs) as [OutputName, (loaded: Loaded) => string][]) {
    if (options.outputs?.[name] === false) continue;
    const url = OUTPUT_URLS[name];
    eleventyConfig.addTemplate(`plinth-members/${name}.11ty.js`, () => render(snapshot()), {
      permalink: url.endsWith("/") ? `${url}index.html` : url,
      layout: false,
      eleventyExcludeFromCollections: true,
    });
  }
}
