/**
 * A one-shot build lets each page's rendered content go once its output is on disk. Holding
 * every page's content until the end was the largest part of a large build's live memory (84 MB
 * at 10,000 posts of the real-site shape), yet few pages are ever shown by another: a feed or an
 * archive that shows full posts reads their `templateContent` after they have rendered, and
 * which pages it reads is known only once it has. So nothing is predicted: a page's content is
 * dropped only when its output contains it verbatim, and a later read takes it back out of that
 * output, which the writer can still give (from memory, or from the file it wrote). Output that
 * does not contain the content (a transform rewrote it) or that UTF-8 cannot carry unchanged (a
 * lone surrogate) keeps its content in memory, as before; so does a page whose file the writing
 * thread has not written yet, until it has.
 */
import { PlinthError } from "../errors/plinth-error.js";
import type { OutputWriter } from "../write/output-writer.js";
import type { Page } from "./page-model.js";
import type { RenderRecord } from "./render-tracking.js";

interface Place {
  /** Where the content starts in the page's output, in UTF-16 units. */
  at: number;
  length: number;
  writer: OutputWriter;
}

/** Pages whose content was let go, and where it is in their output. */
const released = new WeakMap<Page, Place>();

/** Contents shorter than this are kept: a record of where they are costs about as much. */
const MIN_LENGTH = 256;

function isWellFormed(text: string): boolean {
  // ES2024, in Node since 20; not yet in the TypeScript library this project targets.
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The pages of one build handed to a writer, in order: each lets its content go once the
 * writer can give its output back. Writers write in the order they are given files, so the
 * oldest page waiting is the first whose file can be ready.
 */
export class ContentRelease {
  private readonly waiting: { page: Page; place: Place }[] = [];
  private next = 0;

  constructor(private readonly writer: OutputWriter) {}

  /** The writer has just been given `output` for `page`. */
  handedOver(page: Page, output: string): void {
    const content = page.content;
    const { writer } = this;
    if (writer.canReadBack && page.outputRelative !== false && content !== undefined && content.length >= MIN_LENGTH) {
      const at = output.indexOf(content);
      if (at >= 0 && isWellFormed(output)) this.waiting.push({ page, place: { at, length: content.length, writer } });
    }
    this.releaseWritten();
  }

  private releaseWritten(): void {
    const { waiting, writer } = this;
    while (this.next < waiting.length) {
      const { page, place } = waiting[this.next]!;
      if (page.outputRelative === false || !writer.canReadBack?.(page.outputRelative)) break;
      released.set(page, place);
      page.content = undefined;
      this.next++;
    }
    // The list only grows during a build; dropping its head now and then keeps it short.
    if (this.next > 1024) {
      waiting.splice(0, this.next);
      this.next = 0;
    }
  }
}

/** The content of a page whose content was released, read back from its output; undefined for any other page. */
export function releasedContent(page: Page): string | undefined {
  const place = released.get(page);
  if (!place || page.outputRelative === false) return undefined;
  let output: string | undefined;
  try {
    output = place.writer.readBack?.(page.outputRelative);
  } catch (cause) {
    throw new PlinthError("OutputWrite", `The output of ${page.page.inputPath}, which holds the content another page shows, could not be read back: ${(cause as Error).message}`, { cause });
  }
  if (output === undefined) throw new PlinthError("OutputWrite", `The output of ${page.page.inputPath}, which holds the content another page shows, is no longer with the writer.`);
  return output.slice(place.at, place.at + place.length);
}

/**
 * At the end of the render phase: the pages in `keep` (those whose content another page showed,
 * which the build cache's page memory writes down) get their content back while the writer can
 * still give it; every other page lets its content go.
 */
export function settleContents(pages: readonly Page[], keep: (page: Page) => boolean): void {
  for (const page of pages) {
    if (keep(page)) page.content ??= releasedContent(page);
    else page.content = undefined;
    released.delete(page);
  }
}

/** Keys of the pages whose content some page read, by the render records. */
export function contentReadKeys(records: ReadonlyMap<string, RenderRecord>): Set<string> {
  const keys = new Set<string>();
  for (const record of records.values()) for (const [item, fields] of record.items) if (fields.has("templateContent")) keys.add(item);
  return keys;
}
