// Deterministic generator of a foundation news site in Eleventy's conventions, the
// workload of the benchmark. Same seed and size, same bytes: no Math.random, no clock.
//
//   node dist/bench/generate-site.js --posts 1000 --out bench/.sites/1000 [--seed foundation]

import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { generateMembers, type Member } from "./members.js";
import { generatePost, renderPost, type NewsPost } from "./news-post.js";
import { Prng, seedFromText } from "./prng.js";
import { realPostExtras, realShapeFiles } from "./real-site-templates.js";
import { fixedSiteFiles, type SiteFile } from "./site-templates.js";

/** Bump whenever generated output changes, so cached sites are regenerated. */
export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = "foundation";

/** Posts are spread over this span so dates stay plausible at any size. */
const FIRST_POST = Date.UTC(2012, 0, 9, 9, 0, 0);
const SPAN_MS = Date.UTC(2025, 0, 1) - FIRST_POST;
const MINUTE_MS = 60_000;

export interface GeneratedSite {
  files: SiteFile[];
  posts: NewsPost[];
  members: Member[];
}

/**
 * `plain`: the original workload, Eleventy's defaults throughout. `real`: shaped like real
 * foundation sites (see real-site-templates.ts): own markdown-it with plugins, a full-content
 * RSS feed, a heavier layout and a few hundred passthrough images.
 */
export type SiteShape = "plain" | "real";
export const SITE_SHAPES: readonly SiteShape[] = ["plain", "real"];

export interface GenerateOptions {
  posts: number;
  seed?: string;
  /** Default `plain`. */
  shape?: SiteShape;
}

/** Members grow slowly with the site, as a foundation's roster does with its news. */
function memberCount(posts: number): number {
  return Math.min(2000, 40 + Math.floor(posts / 50));
}

function checkOptions(options: GenerateOptions): void {
  if (!Number.isInteger(options.posts) || options.posts < 1) {
    throw new Error(`--posts must be a positive integer, got ${options.posts}`);
  }
}

/** Separate random streams, so the roster does not shift when the post count changes. */
function streamFor(options: GenerateOptions, purpose: string): Prng {
  return new Prng(seedFromText(`${options.seed ?? DEFAULT_SEED}/${purpose}`));
}

/** The posts, oldest first, one at a time: a 100,000-post site never has to sit in memory. */
export function* generatePosts(options: GenerateOptions): Generator<NewsPost> {
  checkOptions(options);
  const random = streamFor(options, "posts");
  const step = SPAN_MS / options.posts;
  let time = FIRST_POST;
  for (let i = 0; i < options.posts; i++) {
    // Distinct minutes keep the date order unambiguous, so no tie-break rule is exercised by accident.
    time += Math.max(MINUTE_MS, Math.round((step * (0.5 + random.next())) / MINUTE_MS) * MINUTE_MS);
    yield generatePost(random, i, new Date(time));
  }
}

export function generateRoster(options: GenerateOptions): Member[] {
  checkOptions(options);
  return generateMembers(streamFor(options, "members"), memberCount(options.posts));
}

function* filesOf(options: GenerateOptions, members: Member[], posts: Iterable<NewsPost>): Generator<SiteFile> {
  const real = options.shape === "real";
  const replaced = new Map(real ? realShapeFiles(options.seed ?? DEFAULT_SEED).map((file) => [file.path, file]) : []);
  for (const file of fixedSiteFiles()) {
    yield replaced.get(file.path) ?? file;
    replaced.delete(file.path);
  }
  yield* replaced.values();
  yield { path: "_data/members.json", text: `${JSON.stringify(members, null, 2)}\n` };
  let index = 0;
  for (const post of posts) yield { path: post.path, text: renderPost(post) + (real ? realPostExtras(index++) : "") };
}

/** Every file of the site, generated lazily; give it to `writeSite`. */
export function siteFiles(options: GenerateOptions): Generator<SiteFile> {
  return filesOf(options, generateRoster(options), generatePosts(options));
}

/** The whole site in memory, with its posts and members, for tests and inspection. */
export function generateSite(options: GenerateOptions): GeneratedSite {
  const posts = [...generatePosts(options)];
  const members = generateRoster(options);
  return { files: [...filesOf(options, members, posts)], posts, members };
}

/** The folder name of a generated site under bench/.sites/: `1000`, or `real-1000`. */
export function siteFolderName(posts: number, shape: SiteShape = "plain"): string {
  return shape === "plain" ? String(posts) : `${shape}-${posts}`;
}

/** Files written at once; enough to keep the disk busy without running out of file handles. */
const WRITE_CONCURRENCY = 64;

/** Writes the files under `outDir`, replacing anything there; returns how many were written. */
export async function writeSite(files: Iterable<SiteFile>, outDir: string): Promise<number> {
  await rm(outDir, { recursive: true, force: true });
  const folders = new Set<string>();
  const pending = new Set<Promise<void>>();
  let count = 0;
  for (const file of files) {
    const target = path.join(outDir, file.path);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    const write: Promise<void> = writeFile(target, file.text).finally(() => pending.delete(write));
    pending.add(write);
    count++;
    if (pending.size >= WRITE_CONCURRENCY) await Promise.race(pending);
  }
  await Promise.all(pending);
  return count;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: "string", default: "1000" },
      out: { type: "string" },
      seed: { type: "string", default: DEFAULT_SEED },
      shape: { type: "string", default: "plain" },
    },
  });
  const posts = Number(values.posts);
  const shape = values.shape as SiteShape;
  if (!SITE_SHAPES.includes(shape)) throw new Error(`--shape expects ${SITE_SHAPES.join(" or ")}, got "${values.shape}"`);
  const outDir = path.resolve(values.out ?? path.join("bench", ".sites", siteFolderName(posts, shape)));
  const written = await writeSite(siteFiles({ posts, seed: values.seed, shape }), outDir);
  console.log(`[bench] wrote ${written} files (${posts} posts) to ${outDir}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
