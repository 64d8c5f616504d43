/**
 * Recent texts of the studio's files by revision, so a save based on an older revision can be
 * merged with what was saved meanwhile: its base is the text the editor opened. Bounded by count
 * and by size, least recently used first out; what falls out is looked up in git instead.
 */

export class RevisionTexts {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxChars = 32 * 1024 * 1024,
  ) {}

  remember(relative: string, revision: string, text: string): void {
    if (text.length > this.maxChars / 4) return;
    const key = `${relative}\0${revision}`;
    const old = this.texts.get(key);
    if (old !== undefined) {
      this.texts.delete(key);
      this.chars -= old.length;
    }
    this.texts.set(key, text);
    this.chars += text.length;
    for (const [oldest, value] of this.texts) {
      if (this.texts.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.texts.delete(oldest);
      this.chars -= value.length;
    }
  }

  find(relative: string, revision: string): string | undefined {
    const key = `${relative}\0${revision}`;
    const text = this.texts.get(key);
    if (text === undefined) return undefined;
    // Used again: to the young end.
    this.texts.delete(key);
    this.texts.set(key, text);
    return text;
  }

  get size(): number {
    return this.texts.size;
  }
}
