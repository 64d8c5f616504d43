/**
 * The render plan of a build that remembers the last one. Once the pages of this build exist
 * (scan, read, data, pagination and collections all ran as in a full build), a page renders
 * again when it is new, when its own inputs changed (its stamp), when something its render
 * record says it read changed (a file, a collection's list of pages, a field of another page),
 * or when its output in the output folder is not as the last build left it. The other pages
 * keep their output; pages that show the content of a page that renders follow as the
 * content turns out (update-plan.ts `renderChanged`), with the contents the memory kept.
 *
 * This is the dev server's rule (incremental.ts), with the last build's pages known through
 * their stamps instead of page objects kept in memory. Whatever the plan cannot prove
 * unchanged makes it render every page, with the reason kept for PLINTH_DEBUG=cache.
 */
import type { BuildState, RenderPlan, RenderPlanner } from "../engine/build-state.js";
import { computedReadsCollections } from "../engine/computed-data.js";
import { recordIsStale } from "../engine/incremental.js";
import { itemKey, type Page } from "../engine/page-model.js";
import { currentIdentity } from "../engine/update-plan.js";
import { untouchedOutputs } from "../write/disk-writer.js";
import type { OutputWriter } from "../write/output-writer.js";
import { fullBuildAfterScan } from "./changed-files.js";
import type { PageMemory } from "./page-memory.js";
import { madeFromChangedFile, pageStamp, type StampContext } from "./page-stamp.js";
import { cacheTimer } from "./cache-timer.js";

/** A full build and why, or the reasons pages rendered again (with how many pages each). */
export type PlanOutcome = { full: true; reason: string } | { full: false; reasons: Map<string, number> };

export class RememberedPlan implements RenderPlanner {
  /** Each page's stamp as this build made it, before any page rendered: what the next build compares. */
  readonly stamps = new Map<string, string | undefined>();
  outcome?: PlanOutcome;
  /** Pages whose output the plan kept; some may render all the same, as they show content that changed. */
  private readonly keptPages: Page[] = [];

  /**
   * `memory` and `changed` come from the build cache; `fullReason` says why the build must be
   * full before the pages are even made (then the plan only takes the stamps).
   */
  constructor(
    private readonly writer: OutputWriter,
    private readonly memory: PageMemory | undefined,
    private readonly changed: ReadonlySet<string>,
    private readonly fullReason: string | undefined,
    /** Whether an output is as the last build left it, asked as the build starts (see untouchedOutputs). */
    private readonly untouched?: Promise<(relative: string) => boolean>,
  ) {}

  async plan(state: BuildState, pages: Page[], byKey: Map<string, Page>): Promise<RenderPlan> {
    const timer = cacheTimer();
    const context: StampContext = { globalData: state.globalData, preprocesses: state.config.preprocessors.size > 0, isCustom: (chain) => state.languages.custom.customIn(chain) !== undefined };
    for (const page of pages) this.stamps.set(itemKey(page), pageStamp(page, context));
    timer.lap("page stamps");
    const all = (reason: string): RenderPlan => {
      this.outcome = { full: true, reason };
      return { dirty: new Set(pages), changedItems: new Set() };
    };
    const memory = this.memory;
    if (this.fullReason || !memory) return all(this.fullReason ?? "nothing remembered");
    // Computed data that reads collections is set while the page renders: a page kept without
    // rendering would show other pages no such values.
    const computing = pages.find((page) => computedReadsCollections(page.data));
    if (computing) return all(`${computing.page.inputPath} has computed data that reads collections`);

    for (const [key, remembered] of memory.pages) {
      if (!byKey.has(key)) continue;
      state.records.set(key, remembered.record);
      state.graph.set(key, remembered.record);
    }
    timer.lap("render records into the dependency graph");
    const why = fullBuildAfterScan(state, this.changed, (file) => state.graph.readersOf([], [file], []).size > 0);
    if (why) {
      state.records.clear();
      for (const key of memory.pages.keys()) state.graph.delete(key);
      return all(why);
    }

    const reasons = new Map<string, number>();
    const dirty = new Set<Page>();
    const mark = (page: Page, reason: string): void => {
      if (dirty.has(page)) return;
      dirty.add(page);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    };
    // Pages whose fields may differ from the last build's: new, changed and removed pages.
    const changedItems = new Set<string>();
    for (const page of pages) {
      const key = itemKey(page);
      const remembered = memory.pages.get(key);
      if (!remembered) {
        changedItems.add(key);
        mark(page, "new");
      } else if (madeFromChangedFile(page, this.changed)) {
        changedItems.add(key);
        mark(page, "its file or a data file of it changed");
      } else if (this.stamps.get(key) === undefined || this.stamps.get(key) !== remembered.stamp) {
        changedItems.add(key);
        mark(page, "own inputs changed");
      }
    }
    for (const key of memory.pages.keys()) if (!byKey.has(key)) changedItems.add(key);
    const changedCollections = [...memory.collections].filter(([name, identity]) => currentIdentity(state, name) !== identity).map(([name]) => name);
    const check = { changedFiles: this.changed, pagesByKey: byKey, changedItems, collections: state.collections, ignoreContent: true };
    for (const key of state.graph.readersOf(changedItems, this.changed, changedCollections)) {
      const page = byKey.get(key);
      if (page && !dirty.has(page) && recordIsStale(state.records.get(key), check)) mark(page, "read something that changed");
    }

    timer.lap("pages that read what changed");
    // A kept page's output must still be in the folder as the last build wrote it.
    const keptOutputs = new Map<string, Page>();
    for (const page of pages) {
      const output = memory.pages.get(itemKey(page))?.output;
      if (!dirty.has(page) && output !== undefined) keptOutputs.set(output, page);
    }
    const untouched = await (this.untouched ?? untouchedOutputs(state.paths.output, state.paths.cwd));
    for (const [output, page] of keptOutputs) {
      if (untouched(output)) {
        this.writer.keepFile?.(output);
        this.keptPages.push(page);
      } else mark(page, "output missing or changed");
    }
    for (const page of pages) {
      if (dirty.has(page)) continue;
      const content = memory.contents.get(itemKey(page));
      if (content !== undefined) page.content = content;
    }
    timer.lap("outputs checked");
    this.outcome = { full: false, reasons };
    return { dirty, changedItems };
  }

  /** How many outputs the build left as the last build wrote them, once it is over. */
  keptOutputs(): number {
    // A page that rendered has its `skipsWrite` decided; a kept page was never asked.
    return this.keptPages.filter((page) => page.skipsWrite === undefined).length;
  }
}
