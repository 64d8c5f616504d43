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
import { fixedSiteFiles, type SiteFile } from "./site-templates.js";

/** Bump whenever generated output changes, so cached sites are regenerated. */
export const GENERATOR_VERSION = 1;
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

export interface GenerateOptions {
  posts: number;
  seed?: string;
}

/** Members grow slowly with the site, as a foundation's roster does with its news. */
function memberCount(posts: number): number {
  return Math.min(2000, 40 + Math.floor(posts / 50));
}

/** Builds the whole site in memory; `writeSite` puts it on disk. */
export function generateSite(options: GenerateOptions): GeneratedSite {
  if (!Number.isInteger(options.posts) || options.posts < 1) {
    throw new Error(`--posts must be a positive integer, got ${options.posts}`);
  }
  const random = new Prng(seedFromText(options.seed ?? DEFAULT_SEED));
  const step = SPAN_MS / options.posts;
  const posts: NewsPost[] = [];
  let time = FIRST_POST;
  for (let i = 0; i < options.posts; i++) {
    // Distinct minutes keep the date order unambiguous, so no tie-break rule is exercised by accident.
    time += Math.max(MINUTE_MS, Math.round((step * (0.5 + random.next())) / MINUTE_MS) * MINUTE_MS);
    posts.push(generatePost(random, i, new Date(time)));
  }
  const members = generateMembers(random, memberCount(options.posts));
  const files = [
    ...fixedSiteFiles(),
    { path: "_data/members.json", text: `${JSON.stringify(members, null, 2)}\n` },
    ...posts.map((post) => ({ path: post.path, text: renderPost(post) })),
  ];
  return { files, posts, members };
}

/** Writes the site under `outDir`, replacing anything there. */
export async function writeSite(site: GeneratedSite, outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  const folders = new Set(site.files.map((file) => path.dirname(path.join(outDir, file.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await Promise.all(site.files.map((file) => writeFile(path.join(outDir, file.path), file.text)));
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: "string", default: "1000" },
      out: { type: "string" },
      seed: { type: "string", default: DEFAULT_SEED },
    },
  });
  const posts = Number(values.posts);
  const outDir = path.resolve(values.out ?? path.join("bench", ".sites", String(posts)));
  const site = generateSite({ posts, seed: values.seed });
  await writeSite(site, outDir);
  console.log(`[bench] wrote ${site.files.length} files (${posts} posts, ${site.members.length} members) to ${outDir}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
