/**
 * The template files as the last build parsed them, for the next process: each file's front
 * matter data, where its body starts, and its raw front matter. A build after a small change
 * then reads and parses only the changed files; the others' front matter comes from here, and
 * their text is read only if a page that renders asks for it (most never do).
 *
 * Like the page memory, the file belongs to one build record (by id), and only files that
 * record proves unchanged are recalled. What is kept is taken when the read phase ends, before
 * computed data or a filter could change a front matter object the cascade shares.
 */
import { readFileSync, rmSync } from "node:fs";
import v8 from "node:v8";
import { writeFileAtomic } from "../util/atomic-write.js";
import { parseToRemember, type ParsedSourceMemory, type RecalledParse, type TemplateSource } from "../engine/template-source.js";

const FORMAT = 2;

/** [absolute path, parse] */
type StoredSource = [string, RecalledParse];

interface MemoryFile {
  format: number;
  id: string;
  sources: StoredSource[];
}

/**
 * Recalls the last build's parses, notes this build's, and writes them as soon as the read
 * phase ends, under the id the build record will carry: nothing of it stays in memory while
 * pages render. A build that fails leaves no record with that id, so the file is never used.
 */
export class SourceMemory implements ParsedSourceMemory {
  private noted: StoredSource[] = [];
  /** Files recalled, for PLINTH_DEBUG=cache and the tests. */
  recalledCount = 0;

  constructor(
    private readonly file: string,
    private readonly id: string,
    private readonly recalled: ReadonlyMap<string, RecalledParse> = new Map(),
  ) {}

  recall(file: string): RecalledParse | undefined {
    const parse = this.recalled.get(file);
    if (parse) this.recalledCount++;
    return parse;
  }

  note(source: TemplateSource): void {
    const parse = parseToRemember(source);
    if (parse) this.noted.push([source.file, parse]);
  }

  seal(): void {
    const stored: MemoryFile = { format: FORMAT, id: this.id, sources: this.noted };
    this.noted = [];
    try {
      writeFileAtomic(this.file, v8.serialize(stored));
    } catch {
      // A value the serializer cannot hold (a custom YAML type, say), or a cache folder that
      // cannot be written: the next build reads every file, nothing worse.
      forgetSourceMemory(this.file);
    }
  }
}

/** The last build's parses of the files it proved unchanged (`changed` left out), or an empty map. */
export function readSourceMemory(file: string, id: string, changed: ReadonlySet<string>): Map<string, RecalledParse> {
  const recalled = new Map<string, RecalledParse>();
  let stored: MemoryFile;
  try {
    stored = v8.deserialize(readFileSync(file)) as MemoryFile;
    if (stored.format !== FORMAT || stored.id !== id) return recalled;
    for (const [source, parse] of stored.sources) if (!changed.has(source)) recalled.set(source, parse);
  } catch {
    // Missing or unreadable: every file is read.
  }
  return recalled;
}

export function forgetSourceMemory(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Not there to forget, or not ours to remove: a file whose id no record has is never used.
  }
}
