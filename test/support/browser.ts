/**
 * Chromium for the browser tests (Debian's, driven by playwright-core). Locally a missing
 * browser skips those tests with the reason; in CI, where `.ci/run` sets
 * PLINTH_REQUIRE_BROWSER=1, it fails the run, so CI cannot pass without opening a browser.
 */
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

/** Flags for a headless Chromium that makes no requests of its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** True when the environment says browser tests must run (CI). */
export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env["PLINTH_REQUIRE_BROWSER"];
  return value !== undefined && value !== "" && value !== "0";
}

/**
 * The `skip` option for a browser test: false when Chromium is installed, else the reason to
 * skip; throws instead when a browser is required, so the test file fails.
 * @example describe("live reload in chromium", { skip: browserSkip() }, () => { ... });
 */
export function browserSkip(env: NodeJS.ProcessEnv = process.env, installed: (file: string) => boolean = existsSync): false | string {
  if (installed(CHROMIUM)) return false;
  if (browserRequired(env)) {
    throw new Error(`PLINTH_REQUIRE_BROWSER is set but ${CHROMIUM} is not installed: the browser tests cannot run (apt-get install chromium)`);
  }
  return `${CHROMIUM} is not installed (apt-get install chromium; CI sets PLINTH_REQUIRE_BROWSER=1 to fail instead)`;
}
