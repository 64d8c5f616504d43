/**
 * Lists a built site's files and reads the facts of every HTML page. A large site is split
 * between the main thread and helper threads by folder: listing ten thousand folders and
 * parsing their pages is most of `plinth check`'s time, and each part is independent.
 */
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { HELPER_THREAD_OPTIONS } from "../util/helper-thread.js";
import { readPageFacts, type PageFacts } from "./page-facts.js";

export interface SiteContents {
  /** Every file, as an output-relative POSIX path. */
  files: Set<string>;
  pages: Map<string, PageFacts>;
}

/** What one thread sends back: its files and its pages' facts. */
export interface SitePart {
  files: string[];
  pages: [string, PageFacts][];
}

/** Below this many folders the whole site is read on the main thread: a thread costs more than it saves. */
const FOLDERS_FOR_THREADS = 256;

export function isHtmlFile(relative: string): boolean {
  return relative.endsWith(".html") || relative.endsWith(".htm");
}

/** Lists `folder` (relative, `""` or ending in `/`) and everything under it into `files`. */
function walk(root: string, folder: string, files: string[]): void {
  for (const entry of readdirSync(`${root}/${folder}`, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(root, `${folder}${entry.name}/`, files);
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(`${folder}${entry.name}`);
  }
}

function readPages(root: string, files: readonly string[]): [string, PageFacts][] {
  return files.filter(isHtmlFile).map((file) => [file, readPageFacts(readFileSync(`${root}/${file}`, "utf8"))]);
}

/** Reads the given folders and files of a site, on whichever thread runs it. */
export function readSitePart(root: string, folders: readonly string[], looseFiles: readonly string[]): SitePart {
  const files = [...looseFiles];
  for (const folder of folders) walk(root, folder, files);
  return { files, pages: readPages(root, files) };
}

function readOnThread(root: string, folders: string[]): Promise<SitePart> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./read-site-worker.js", import.meta.url), { ...HELPER_THREAD_OPTIONS, workerData: { root, folders } });
    worker.once("message", (part: SitePart) => {
      resolve(part);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

export async function readSite(outputDir: string, threads = Math.min(availableParallelism(), 4)): Promise<SiteContents> {
  const root = outputDir.replace(/[\\/]+$/, "");
  // Breadth first until there are enough folders to share out; files met on the way stay here.
  const loose: string[] = [];
  let frontier = [""];
  let visited = 0;
  while (frontier.length > 0 && frontier.length < FOLDERS_FOR_THREADS && visited < FOLDERS_FOR_THREADS) {
    const next: string[] = [];
    for (const folder of frontier) {
      visited++;
      for (const entry of readdirSync(`${root}/${folder}`, { withFileTypes: true })) {
        if (entry.isDirectory()) next.push(`${folder}${entry.name}/`);
        else if (entry.isFile() || entry.isSymbolicLink()) loose.push(`${folder}${entry.name}`);
      }
    }
    frontier = next;
  }
  const share = frontier.length >= FOLDERS_FOR_THREADS ? threads : 1;
  const shares = Array.from({ length: share }, (_, i) => frontier.filter((_, index) => index % share === i));
  const helpers = shares.slice(1).map((folders) => readOnThread(root, folders));
  const parts = [readSitePart(root, shares[0]!, loose), ...(await Promise.all(helpers))];
  const contents: SiteContents = { files: new Set(), pages: new Map() };
  for (const part of parts) {
    for (const file of part.files) contents.files.add(file);
    for (const [file, facts] of part.pages) contents.pages.set(file, facts);
  }
  return contents;
}
