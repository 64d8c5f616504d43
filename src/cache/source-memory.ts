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

const FORMAT = 1;

/** [absolute path, parse] */
type StoredSource = [string, RecalledParse];

interface MemoryFile {
  format: number;
  id: string;
  /** The v8-serialized StoredSource[]: taken at the end of the read phase, written with the build record. */
  sources: Uint8Array;
}

export class SourceMemory implements ParsedSourceMemory {
  private noted: StoredSource[] = [];
  private sealed: Uint8Array | undefined;
  /** Files recalled, and files whose text was read all the same, for PLINTH_DEBUG=cache. */
  recalledCount = 0;

  constructor(private readonly recalled: ReadonlyMap<string, RecalledParse> = new Map()) {}

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
    try {
      this.sealed = v8.serialize(this.noted);
    } catch {
      // A value the serializer cannot hold (a custom YAML type, say): nothing is remembered.
      this.sealed = undefined;
    }
    this.noted = [];
  }

  /** Writes what the read phase left, atomically; nothing when nothing was sealed. */
  write(file: string, id: string): void {
    if (!this.sealed) return forgetSourceMemory(file);
    const stored: MemoryFile = { format: FORMAT, id, sources: this.sealed };
    writeFileAtomic(file, v8.serialize(stored));
  }
}

/** The last build's parses of the files it proved unchanged (`changed` left out), or an empty map. */
export function readSourceMemory(file: string, id: string, changed: ReadonlySet<string>): Map<string, RecalledParse> {
  const recalled = new Map<string, RecalledParse>();
  let stored: MemoryFile;
  try {
    stored = v8.deserialize(readFileSync(file)) as MemoryFile;
    if (stored.format !== FORMAT || stored.id !== id) return recalled;
    for (const [source, parse] of v8.deserialize(stored.sources) as StoredSource[]) if (!changed.has(source)) recalled.set(source, parse);
  } catch {
    // Missing or unreadable: every file is read.
  }
  return recalled;
}

export function forgetSourceMemory(file: string): void {
  rmSync(file, { force: true });
}
