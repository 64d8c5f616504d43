/**
 * Runs a site's `eleventyConfig.on(event, listener)` listeners in the order they were added,
 * each awaited, as Eleventy does. A listener that throws (a plugin's `eleventy.after` step,
 * such as eleventy-plugin-vite's build) fails the build with a catalogued error naming the
 * event, not as an internal error of Plinth's.
 */
import type { UserConfig } from "../config/user-config.js";
import { PlinthError, isPlinthError } from "../errors/plinth-error.js";

export async function runListeners(config: UserConfig, event: string, arg: unknown): Promise<void> {
  for (const listener of config.listeners.get(event) ?? []) {
    try {
      await listener(arg);
    } catch (cause) {
      if (isPlinthError(cause)) throw cause;
      const message = cause instanceof Error ? cause.message : String(cause);
      const name = listener.name ? ` (${listener.name})` : "";
      throw new PlinthError("EventListenerFailed", `An "${event}" listener${name} threw: ${message}`, { cause });
    }
  }
}
