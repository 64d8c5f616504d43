/**
 * The review workflow of one studio: its entry branches, its settings (studio.config.yml's
 * `workflow:`), whether saves go to branches now (with accounts, or `branches: true`), and the
 * save target the content store writes through in that mode. One publish runs at a time.
 */
import type { SaveTarget } from "../content/content-store.js";
import type { GitAuthor } from "../git/git-repo.js";
import type { StudioContext } from "../server/context.js";
import type { SitePath } from "../server/safe-path.js";
import { revisionOf } from "../content/revision.js";
import { branchOf } from "./branch-name.js";
import { EntryBranches } from "./entry-branches.js";
import type { EntryState } from "./states.js";
import { readWorkflowConfig, type WorkflowConfig } from "./workflow-config.js";

export interface EntryWorkflow {
  path: string;
  /** The entry branch, when the entry has work in progress. */
  branch: string | null;
  head: string | null;
  /** The branch's state; `published` without a branch when it is on the publishing branch; null when neither. */
  state: EntryState | null;
  published: boolean;
  publishedRevision: string | null;
  /** The revision of the text an editor opens: the branch's, else the published one. */
  revision: string | null;
  /** True when the work in progress is the entry's deletion. */
  deleting: boolean;
  by: string | null;
  at: string | null;
  /** True when saves go to entry branches now. */
  branchMode: boolean;
  publishing: string;
}

export class Workflow {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly ctx: StudioContext,
    readonly branches: EntryBranches,
  ) {}

  /** The workflow of a studio whose site is in git; null without git (plain writes, nothing to review). */
  static create(ctx: StudioContext): Workflow | null {
    if (!ctx.git) return null;
    const config = readWorkflowConfig(ctx.cwd);
    for (const warning of config.warnings) ctx.log(`[studio] ${warning}`);
    return new Workflow(ctx, EntryBranches.create(ctx.git, config.branch));
  }

  /** Read afresh each time, so an edited studio.config.yml applies without a restart. */
  config(): WorkflowConfig {
    return readWorkflowConfig(this.ctx.cwd);
  }

  /** True when saves go to entry branches: a team (accounts exist), or `workflow.branches: true`. */
  active(): boolean {
    return this.ctx.team || this.config().branches;
  }

  /** Where the content store reads and writes an entry in branch mode. */
  target(file: SitePath, author: GitAuthor | undefined): SaveTarget {
    const relative = file.relative;
    const branches = this.branches;
    const who = author ?? this.ctx.git!.author;
    return {
      async read() {
        const tip = await branches.tip(relative);
        // Without a branch the entry is as published; a new branch starts from there.
        return tip ? branches.textAt(tip.head, relative) : branches.publishedText(relative);
      },
      async write(raw, message, author) {
        if (raw === null && (await branches.publishedText(relative)) === null) {
          // Deleting an entry that was never published throws its work in progress away.
          await branches.remove(relative);
          return null;
        }
        return branches.write(relative, raw, message, author ?? who);
      },
      textAt: (revision) => branches.findText(relative, revision),
      describe: async () => ({ ...(await this.describe(relative)) }),
    };
  }

  /** The entry's place in the workflow (GET /api/entry/state, and `workflow` in GET /api/entry). */
  async describe(relative: string): Promise<EntryWorkflow> {
    const tip = await this.branches.tip(relative);
    const published = await this.branches.publishedText(relative);
    const draft = tip ? await this.branches.textAt(tip.head, relative) : null;
    const revision = tip ? (draft === null ? null : revisionOf(draft)) : published === null ? null : revisionOf(published);
    return {
      path: relative,
      branch: tip ? branchOf(relative) : null,
      head: tip?.head ?? null,
      state: tip ? tip.state : published !== null ? "published" : null,
      published: published !== null,
      publishedRevision: published === null ? null : revisionOf(published),
      revision,
      deleting: tip !== null && draft === null,
      by: tip?.by ?? null,
      at: tip?.at ?? null,
      branchMode: this.active(),
      publishing: this.branches.publishing,
    };
  }

  /** Runs `work` after every publish before it (a publish moves the publishing branch). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
