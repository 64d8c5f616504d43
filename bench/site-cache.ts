// Generated sites are kept under bench/.sites/<posts>/ and reused while the generator
// version and seed match, since writing 10,000 posts takes longer than one build.

import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { GENERATOR_VERSION, siteFiles, siteFolderName, writeSite, type SiteShape } from "./generate-site.js";

/** Marks a complete, unmodified site; removed while a benchmark edits a post. */
const STAMP_FILE = ".bench-site";

function stampFor(posts: number, seed: string, shape: SiteShape): string {
  return `${JSON.stringify({ generator: GENERATOR_VERSION, posts, seed, shape })}\n`;
}

async function readStamp(siteDir: string): Promise<string | undefined> {
  try {
    return await readFile(path.join(siteDir, STAMP_FILE), "utf8");
  } catch {
    return undefined;
  }
}

/** Returns the site's folder, generating it first unless an identical one is cached there. */
export async function ensureSite(sitesRoot: string, posts: number, seed: string, shape: SiteShape = "plain"): Promise<{ siteDir: string; generated: boolean }> {
  const siteDir = path.join(sitesRoot, siteFolderName(posts, shape));
  const stamp = stampFor(posts, seed, shape);
  if ((await readStamp(siteDir)) === stamp) return { siteDir, generated: false };
  await writeSite(siteFiles({ posts, seed, shape }), siteDir);
  await writeFile(path.join(siteDir, STAMP_FILE), stamp);
  return { siteDir, generated: true };
}

export interface PostEdit {
  /** The edited file, relative to the site. */
  path: string;
  restore(): Promise<void>;
}

/**
 * Appends a paragraph to the body of the middle post (by file name), the smallest change
 * a writer makes. The site stays uncached until `restore`, so a crash mid-edit cannot
 * leave a modified site that later runs would mistake for the generated one.
 */
export async function editMiddlePost(siteDir: string, revision: number): Promise<PostEdit> {
  const posts = (await readdir(path.join(siteDir, "news"))).filter((name) => name.endsWith(".md")).sort();
  const name = posts[Math.floor(posts.length / 2)];
  if (name === undefined) throw new Error(`no posts under ${path.join(siteDir, "news")}`);
  const file = path.join(siteDir, "news", name);
  const original = await readFile(file, "utf8");
  const stamp = await readStamp(siteDir);
  await rm(path.join(siteDir, STAMP_FILE), { force: true });
  await writeFile(file, `${original}\nUpdate: this post was corrected after publication (revision ${revision}).\n`);
  return {
    path: `news/${name}`,
    async restore() {
      await writeFile(file, original);
      if (stamp !== undefined) await writeFile(path.join(siteDir, STAMP_FILE), stamp);
    },
  };
}
