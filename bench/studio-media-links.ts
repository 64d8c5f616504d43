// What the studio's "where used" (media library) and "pages linking here" (rename and delete
// warnings) cost on a generated site, with the dev session's build in memory as in `plinth
// studio`: the first question after a build and the ones after it.
//
//   npm run build && node dist/bench/studio-media-links.js [--posts 10000]

import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DevSession } from "../src/server/dev-session.js";
import { LinkIndex, type BuiltPage } from "../src/studio/links/link-index.js";
import { CONTENT_FILE, UsageIndex, type ContentText } from "../src/studio/media/usage.js";
import { ensureSite } from "./site-cache.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { posts: { type: "string", default: "10000" } } });
  const { siteDir } = await ensureSite(path.join(repoRoot, "bench", ".sites"), Number(values.posts), "foundation");
  const session = new DevSession({ cwd: siteDir, log: () => {}, logError: (text) => process.stderr.write(text) });
  let start = performance.now();
  await session.start();
  const result = session.site.lastResult!;
  console.log(`build: ${ms(start)}, ${result.pages.length} pages`);

  const usage = new UsageIndex();
  const state = result.state;
  function* documents(): Iterable<ContentText> {
    for (const source of state.sources.values()) yield { file: source.relativePath, text: source.text };
    for (const file of state.files) {
      if (state.sources.has(file) || !CONTENT_FILE.test(file)) continue;
      const text = usage.readText(file);
      if (text !== undefined) yield { file: path.relative(siteDir, file), text };
    }
  }
  const site = { inputDir: siteDir, pathPrefix: "/", outputs: new Map<string, string>() };
  for (const label of ["first", "second", "third"]) {
    start = performance.now();
    usage.usedBy(site, ["img/a.png", "img/b.png"], documents());
    console.log(`where used, ${label} question: ${ms(start)}`);
  }

  const links = new LinkIndex();
  function* pages(): Iterable<BuiltPage & { html: string }> {
    for (const page of result.pages) {
      if (page.outputRelative === false || !/\.html?$/.test(page.outputRelative) || typeof page.page.url !== "string") continue;
      const html = session.site.memory.read(page.outputRelative);
      if (html !== undefined) yield { output: page.outputRelative, url: page.page.url, path: path.relative(siteDir, path.resolve(siteDir, page.page.inputPath)), html };
    }
  }
  const posts = result.pages.filter((page) => page.page.inputPath.includes("/news/") && typeof page.page.url === "string");
  for (const post of [posts[Math.floor(posts.length * 0.7)]!, posts[Math.floor(posts.length * 0.7) + 1]!, posts[10]!]) {
    start = performance.now();
    const linking = links.pagesLinkingTo(post.page.url as string, "/", pages());
    console.log(`pages linking to ${post.page.url}: ${linking.length} in ${ms(start)}`);
  }
}

await main();
