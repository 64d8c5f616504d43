// A small seeded random source, so every fuzz run can be replayed from its seed.
import { Prng } from "../../bench/prng.js";

export class Random {
  private readonly source: Prng;

  constructor(seed: number) {
    this.source = new Prng(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.source.next();
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** `count` results of `make`, with `count` drawn from [min, max]. */
  many<T>(min: number, max: number, make: () => T): T[] {
    return Array.from({ length: this.between(min, max) }, make);
  }
}
