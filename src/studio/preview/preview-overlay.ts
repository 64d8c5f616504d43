/**
 * The studio's unsaved texts, as the engine's source overlay: the dev session reads a file's
 * text from here while the editor has unsaved changes to it, so the preview is the site's own
 * build of the text being typed. Saving or closing the editor drops the file's entry.
 */
import type { SourceOverlay } from "../../engine/template-source.js";
import type { SitePath } from "../server/safe-path.js";

export class PreviewOverlay {
  /** By absolute path, as the engine asks for it. */
  private readonly byFile = new Map<string, string>();
  private readonly relatives = new Map<string, string>();

  /** The map the dev session is given; it sees every change to it. */
  get source(): SourceOverlay {
    return this.byFile;
  }

  set(file: SitePath, raw: string): void {
    this.byFile.set(file.absolute, raw);
    this.relatives.set(file.relative, file.absolute);
  }

  /** Forgets the file's unsaved text; true when there was one. */
  drop(relative: string): boolean {
    const absolute = this.relatives.get(relative);
    if (absolute === undefined) return false;
    this.relatives.delete(relative);
    return this.byFile.delete(absolute);
  }

  absoluteOf(relative: string): string | undefined {
    return this.relatives.get(relative);
  }

  /** Input-relative paths with unsaved text. */
  paths(): Set<string> {
    return new Set(this.relatives.keys());
  }
}
