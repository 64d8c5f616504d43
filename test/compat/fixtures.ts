// The fixture sites under test/fixtures/: finding them, reading their settings
// (fixture.json) and checking their hand-written expectations (expect.json).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot, type BuildEnv } from "./build-site.js";
import { isMarkupPath, normaliseMarkup } from "./compare-trees.js";

/** fixture.json: how both tools are run for this site. */
export interface FixtureSettings {
  /** Extra CLI arguments given to both tools, e.g. `--pathprefix=/docs/`. */
  args: string[];
  env: BuildEnv;
  /** Set only by the lead: a known gap, the reason why the case is skipped. */
  todo?: string;
}

/**
 * What one output file must look like. A string or a list is shorthand for `contains`.
 * `order` lists substrings that must appear in this order (e.g. a sorted collection).
 */
export type FileExpectation =
  | { absent: true }
  | { contains?: string[]; lacks?: string[]; order?: string[] };

/** expect.json: output paths mapped to what they must contain, plus an optional note. */
export interface FixtureExpectations {
  note?: string;
  files: Map<string, FileExpectation>;
}

export interface Fixture {
  name: string;
  dir: string;
  settings: FixtureSettings;
  expectations: FixtureExpectations;
}

export function fixturesRoot(): string {
  return path.join(repoRoot(), "test", "fixtures");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  throw new Error(`${where}: expected a string or a list of strings`);
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

function parseSettings(file: string): FixtureSettings {
  if (!existsSync(file)) return { args: [], env: {} };
  const raw = readJson(file);
  if (!isRecord(raw)) throw new Error(`${file}: expected an object`);
  const env: BuildEnv = {};
  if (raw.env !== undefined) {
    if (!isRecord(raw.env)) throw new Error(`${file}: "env" must be an object`);
    for (const [name, value] of Object.entries(raw.env)) env[name] = String(value);
  }
  const settings: FixtureSettings = { args: raw.args === undefined ? [] : stringList(raw.args, `${file} "args"`), env };
  if (typeof raw.todo === "string") settings.todo = raw.todo;
  return settings;
}

function parseFileExpectation(value: unknown, where: string): FileExpectation {
  if (typeof value === "string" || Array.isArray(value)) return { contains: stringList(value, where) };
  if (!isRecord(value)) throw new Error(`${where}: expected a string, a list or an object`);
  if (value.absent === true) return { absent: true };
  const expectation: { contains?: string[]; lacks?: string[]; order?: string[] } = {};
  if (value.contains !== undefined) expectation.contains = stringList(value.contains, `${where}.contains`);
  if (value.lacks !== undefined) expectation.lacks = stringList(value.lacks, `${where}.lacks`);
  if (value.order !== undefined) expectation.order = stringList(value.order, `${where}.order`);
  return expectation;
}

function parseExpectations(file: string): FixtureExpectations {
  const raw = readJson(file);
  if (!isRecord(raw)) throw new Error(`${file}: expected an object`);
  const files = new Map<string, FileExpectation>();
  let note: string | undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (key === "note") {
      note = String(value);
      continue;
    }
    files.set(key, parseFileExpectation(value, `${file} "${key}"`));
  }
  if (files.size === 0) throw new Error(`${file}: no output paths to check`);
  return { note, files };
}

export function loadFixture(name: string): Fixture {
  const dir = path.join(fixturesRoot(), name);
  const expectFile = path.join(dir, "expect.json");
  if (!existsSync(expectFile)) throw new Error(`fixture ${name} has no expect.json`);
  return {
    name,
    dir,
    settings: parseSettings(path.join(dir, "fixture.json")),
    expectations: parseExpectations(expectFile),
  };
}

function fixtureFolders(): string[] {
  return readdirSync(fixturesRoot(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every differential fixture (a folder with an expect.json), sorted. */
export function listFixtures(): string[] {
  return fixtureFolders().filter((name) => existsSync(path.join(fixturesRoot(), name, "expect.json")));
}

/** An error case of test/errors: `error-<case>/` holding a site (`site/`) and, usually, what breaks it (`break/`). */
export function isErrorCase(name: string): boolean {
  return name.startsWith("error-") && existsSync(path.join(fixturesRoot(), name, "site"));
}

/** Every error case folder, sorted. */
export function listErrorCases(): string[] {
  return fixtureFolders().filter(isErrorCase);
}

/**
 * Folders under test/fixtures/ that no suite builds: neither a differential case nor an error
 * case. Such a folder would be skipped without a word, so the suite fails on it.
 */
export function strayFixtureFolders(): string[] {
  const differential = new Set(listFixtures());
  return fixtureFolders().filter((name) => !differential.has(name) && !isErrorCase(name));
}

/**
 * Substring search that forgives whitespace between tags in markup, as the tree comparison does,
 * unless the needle itself has whitespace between tags: then that whitespace is what is tested.
 */
function includes(haystack: string, needle: string, markup: boolean): number {
  const direct = haystack.indexOf(needle);
  const compact = normaliseMarkup(needle);
  if (direct !== -1 || !markup || compact !== needle.replace(/\s+$/, "")) return direct;
  return normaliseMarkup(haystack).indexOf(compact);
}

function checkText(file: string, text: string, expectation: { contains?: string[]; lacks?: string[]; order?: string[] }): string[] {
  const markup = isMarkupPath(file);
  const failures: string[] = [];
  for (const needle of expectation.contains ?? []) {
    if (includes(text, needle, markup) === -1) failures.push(`${file}: should contain ${JSON.stringify(needle)}`);
  }
  for (const needle of expectation.lacks ?? []) {
    if (includes(text, needle, markup) !== -1) failures.push(`${file}: should not contain ${JSON.stringify(needle)}`);
  }
  const order = expectation.order ?? [];
  if (order.length > 0) {
    // Search in the normalised text so that positions are comparable between needles.
    const flat = markup ? normaliseMarkup(text) : text;
    let from = 0;
    for (const needle of order) {
      const wanted = markup ? normaliseMarkup(needle) : needle;
      const at = flat.indexOf(wanted, from);
      if (at === -1) {
        failures.push(`${file}: should contain, in order, ${order.map((n) => JSON.stringify(n)).join(" < ")} (stuck at ${JSON.stringify(needle)})`);
        break;
      }
      from = at + wanted.length;
    }
  }
  return failures;
}

/** Checks an output folder against a fixture's expectations; returns one message per failure. */
export async function checkExpectations(outDir: string, expectations: FixtureExpectations): Promise<string[]> {
  const failures: string[] = [];
  for (const [file, expectation] of expectations.files) {
    const target = path.join(outDir, ...file.split("/"));
    const present = existsSync(target);
    if ("absent" in expectation) {
      if (present) failures.push(`${file}: should not be written`);
      continue;
    }
    if (!present) {
      failures.push(`${file}: was not written`);
      continue;
    }
    failures.push(...checkText(file, await readFile(target, "utf8"), expectation));
  }
  return failures;
}
