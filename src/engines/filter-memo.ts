/**
 * Remembered results of filters known to be pure: the same arguments always give the same
 * text, whatever page calls them. A full-content feed runs every post's HTML through the RSS
 * plugin's `htmlToAbsoluteUrls` (a posthtml parse and rewrite each); when one post changes, the
 * dev server renders the feed again, and every other post's call is answered from here, keyed
 * by the exact content and base, so the answer cannot be stale.
 *
 * A filter is trusted as pure only by the plugin that added it and its name, from the list
 * below; a filter of the same name from anywhere else is left alone.
 */
import { pluginOf } from "../config/filter-origins.js";
import type { FunctionEntry } from "../config/user-config.js";

const PURE_FILTERS: Record<string, readonly string[]> = {
  "@11ty/eleventy-plugin-rss": ["htmlToAbsoluteUrls"],
};

/** Texts kept per filter, at most, in characters of input and output together. */
const BUDGET_CHARS = 64 * 1024 * 1024;

type NodeCallback = (error: unknown, result?: unknown) => void;

class BoundedMemo {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last, so the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, value);
    this.chars += key.length + value.length;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.chars <= BUDGET_CHARS) break;
      this.entries.delete(oldKey);
      this.chars -= oldKey.length + oldValue.length;
    }
  }
}

/** One memo per filter function as the plugin gave it: a reloaded config brings new functions and starts afresh. */
const memos = new WeakMap<object, BoundedMemo>();

export function isPureFilter(name: string, entry: FunctionEntry): boolean {
  const plugin = pluginOf(entry.fn);
  return plugin !== undefined && (PURE_FILTERS[plugin]?.includes(name) ?? false);
}

/**
 * Wraps a Nunjucks async filter in callback style, `(...args, callback)`, so string arguments
 * seen before are answered at once. Calls with anything but strings pass through.
 */
export function memoizeCallbackFilter(fn: (...args: unknown[]) => unknown, identity: object): (...args: unknown[]) => unknown {
  let memo = memos.get(identity);
  if (!memo) memos.set(identity, (memo = new BoundedMemo()));
  const cache = memo;
  return function (this: unknown, ...args: unknown[]) {
    const callback = args.at(-1);
    const inputs = args.slice(0, -1);
    if (typeof callback !== "function" || !inputs.every((value) => typeof value === "string")) return fn.apply(this, args);
    const key = JSON.stringify(inputs);
    const known = cache.get(key);
    if (known !== undefined) return (callback as NodeCallback)(null, known);
    return fn.apply(this, [
      ...inputs,
      (error: unknown, result?: unknown) => {
        if (!error && typeof result === "string") cache.set(key, result);
        (callback as NodeCallback)(error, result);
      },
    ]);
  };
}
