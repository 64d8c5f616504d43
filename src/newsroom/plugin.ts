/**
 * The newsroom as an Eleventy plugin: drafts, scheduled posts, feeds, a sitemap and
 * robots.txt, social metadata and redirects. It uses only Eleventy 3's public config API
 * (`addPreprocessor`, `addTemplate`, `addGlobalData`, `addShortcode`, `on`), so a site builds
 * the same under Eleventy and under Plinth.
 *
 * @example
 * // eleventy.config.js
 * import newsroom from "plinth/newsroom";
 * export default (eleventyConfig) => eleventyConfig.addPlugin(newsroom, { feeds: [{ collection: "news" }] });
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import { atomFeed, feedItems, jsonFeed, type FeedItem, type FeedOptions } from "./feeds.js";
import { holdBackMark, publishingSwitches, publishState } from "./publishing.js";
import { netlifyRedirects, nginxMap, normalizeRedirects, redirectPage, redirectPagePath, type Redirect } from "./redirects.js";
import { readStamp, scheduleFile, writeNextDue } from "./schedule-stamp.js";
import { now } from "./site-clock.js";
import { absoluteUrl, siteInfo, type SiteInfo, type SiteOptions } from "./site-info.js";
import { robotsTxt, sitemapXml, type SitemapItem } from "./sitemap.js";
import { socialMetaTags } from "./social-meta.js";

type Data = Record<string, unknown>;

/** The part of Eleventy's `eleventyConfig` this plugin calls. */
export interface NewsroomConfigApi {
  addPreprocessor(name: string, extensions: string, fn: (data: Data, content: string) => unknown): unknown;
  addTemplate(virtualPath: string, content: unknown, data?: Data): unknown;
  addGlobalData(name: string, data: unknown): unknown;
  addShortcode(name: string, fn: (...args: unknown[]) => unknown): unknown;
  addTemplateFormats?(formats: string): unknown;
  on(event: string, listener: (arg: unknown) => unknown): unknown;
  directories?: { input?: string; data?: string };
  /** Plinth only: `eleventy.after` listeners that need no results, so the build cache still applies. */
  buildLocalListeners?: WeakSet<(arg: unknown) => unknown>;
  /** Plinth only: `eleventy.before` listeners that render threads skip. */
  mainThreadListeners?: WeakSet<(arg: unknown) => unknown>;
}

export interface NewsroomOptions {
  /** The site's URL, name, description...; by default global data `site` (or `metadata`). */
  site?: SiteOptions;
  /** Keep `draft: true` pages out of builds. Default true. */
  drafts?: boolean;
  /** Keep pages with a future `publishDate` or `date` out of builds. Default true. */
  schedule?: boolean;
  /** Feeds to write, one per collection. Default none. */
  feeds?: FeedOptions[];
  /** The sitemap's URL, or false for none. Default `/sitemap.xml`. */
  sitemap?: string | false;
  /** robots.txt, or false for none. Default: allow all and name the sitemap. */
  robots?: false | { disallow?: string[] };
  /** Redirects from the data file `redirects` (`_data/redirects.json`); false for none. */
  redirects?: false | { file?: string; netlify?: string | false; nginx?: string | false; pages?: boolean };
  /** Where the build's scheduling note goes; by default the console. */
  log?: (line: string) => void;
}

interface Directories {
  input: string;
  data: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkOptions(options: NewsroomOptions): void {
  const fail = (message: string): never => {
    throw new PlinthError("NewsroomOptionInvalid", `plinth/newsroom: ${message}`);
  };
  if (options.feeds !== undefined && !Array.isArray(options.feeds)) fail("`feeds` must be a list such as [{ collection: \"news\" }].");
  for (const feed of options.feeds ?? []) {
    if (!isRecord(feed) || typeof feed.collection !== "string" || !feed.collection) fail("each feed needs a `collection` name.");
  }
  if (options.site !== undefined && !isRecord(options.site)) fail("`site` must be an object such as { url: \"https://example.org\" }.");
}

/** `/news/feed.xml` is written as that file; `/news/` as its index.html. */
function outputPath(url: string): string {
  return url.endsWith("/") ? `${url}index.html` : url;
}

export default function newsroomPlugin(eleventyConfig: NewsroomConfigApi, options: NewsroomOptions = {}): void {
  checkOptions(options);
  const log = options.log ?? ((line: string) => console.log(line));
  let eventDirs: Partial<Directories> = {};
  const directories = (): Directories => {
    const config = eleventyConfig.directories ?? {};
    const input = path.resolve(eventDirs.input ?? config.input ?? ".");
    const data = eventDirs.data ?? config.data;
    return { input, data: data ? path.resolve(data) : path.join(input, "_data") };
  };

  // Drafts and scheduled pages: dropped before rendering, so they have no output and are in no collection.
  const waiting = new Map<string, Date>();
  const beforeBuild = (arg: unknown): void => {
    const dirs = (arg as { directories?: { input?: unknown; data?: unknown } } | undefined)?.directories;
    eventDirs = { input: typeof dirs?.input === "string" ? dirs.input : undefined, data: typeof dirs?.data === "string" ? dirs.data : undefined };
    siteFromFile = undefined;
  };
  eleventyConfig.on("eleventy.before", beforeBuild);
  // A render thread starts afresh, and finds the folders in eleventyConfig.directories.
  eleventyConfig.mainThreadListeners?.add(beforeBuild);
  eleventyConfig.addPreprocessor("plinth-newsroom", "*", (data, content) => {
    const state = publishState(data, now());
    if (state.state === "published") return undefined;
    if (state.state === "draft" && options.drafts === false) return undefined;
    if (state.state === "scheduled" && options.schedule === false) return undefined;
    const switches = publishingSwitches();
    const shown = state.state === "draft" ? switches.drafts : switches.future;
    if (!shown) {
      // Named by title: the data Plinth gives preprocessors has no `page` yet.
      const name = typeof data.title === "string" ? `"${data.title}"` : ((data.page as { inputPath?: string } | undefined)?.inputPath ?? "a page");
      if (state.state === "scheduled") waiting.set(name, state.due);
      return false;
    }
    return typeof content === "string" ? `${holdBackMark(state)}${content}` : undefined;
  });
  // Counted between builds and cleared after each report: Plinth may preprocess pages before `eleventy.before`.
  const stampFile = (): string => scheduleFile(process.cwd(), directories().input);
  eleventyConfig.addGlobalData("newsroomSchedule", () => readStamp(stampFile(), publishingSwitches(), now()));
  const afterBuild = (): void => {
    const next = [...waiting.values()].sort((a, b) => a.getTime() - b.getTime())[0];
    if (options.drafts !== false || options.schedule !== false) writeNextDue(stampFile(), next);
    if (waiting.size === 0) return;
    const [name, due] = [...waiting].sort((a, b) => a[1].getTime() - b[1].getTime())[0]!;
    const count = waiting.size === 1 ? "1 scheduled page is" : `${waiting.size} scheduled pages are`;
    log(`[newsroom] ${count} waiting; the next, ${name}, is due ${due.toISOString().slice(0, 16).replace("T", " ")} UTC (--future builds them now)`);
    waiting.clear();
  };
  eleventyConfig.on("eleventy.after", afterBuild);
  // Under Plinth: this listener only reports on the build, so a build with nothing to do may be skipped.
  eleventyConfig.buildLocalListeners?.add(afterBuild);

  // Site details for shortcodes, which see no global data: the option, else _data/site.json or metadata.json.
  let siteFromFile: Data | undefined;
  const siteForShortcodes = (): SiteInfo => {
    if (!siteFromFile) {
      siteFromFile = {};
      for (const name of ["site", "metadata"]) {
        const file = path.join(directories().data, `${name}.json`);
        if (!existsSync(file)) continue;
        try {
          siteFromFile = { [name]: JSON.parse(readFileSync(file, "utf8")) as unknown };
        } catch {
          // The build reports a broken data file itself.
        }
        break;
      }
    }
    return siteInfo(siteFromFile, options.site);
  };
  eleventyConfig.addShortcode("socialMeta", function (this: { page?: Data }, title: unknown, description: unknown, image: unknown, date: unknown) {
    const page = this.page ?? {};
    const text = (value: unknown): string | undefined => (typeof value === "string" && value ? value : undefined);
    const when = date instanceof Date ? date : typeof date === "string" && date ? new Date(date) : undefined;
    return socialMetaTags(
      {
        url: text(page.url) ?? "/",
        title: text(title),
        description: text(description),
        image: text(image),
        date: when && !Number.isNaN(when.getTime()) ? when : undefined,
        rawInput: text(page.rawInput),
      },
      siteForShortcodes(),
    );
  });

  eleventyConfig.addTemplateFormats?.("11ty.js");
  const generated = { layout: false, eleventyExcludeFromCollections: true };
  const site = (data: Data): SiteInfo => siteInfo(data, options.site);

  for (const feed of options.feeds ?? []) {
    const title = (data: Data): string => feed.title ?? site(data).name;
    const items = (data: Data): FeedItem[] => feedItems((data.collections as Record<string, FeedItem[]> | undefined)?.[feed.collection], feed.limit);
    const shared = { ...generated, eleventyImport: { collections: [feed.collection] } };
    const atom = feed.atom ?? `/${feed.collection}/feed.xml`;
    if (atom) {
      eleventyConfig.addTemplate(`plinth-newsroom/${feed.collection}-atom.11ty.js`, (data: Data) => atomFeed(items(data), { site: site(data), title: title(data), feedUrl: absoluteUrl(site(data), atom) }), {
        ...shared,
        permalink: outputPath(atom),
      });
    }
    const json = feed.json ?? `/${feed.collection}/feed.json`;
    if (json) {
      eleventyConfig.addTemplate(`plinth-newsroom/${feed.collection}-json.11ty.js`, (data: Data) => jsonFeed(items(data), { site: site(data), title: title(data), feedUrl: absoluteUrl(site(data), json) }), {
        ...shared,
        permalink: outputPath(json),
      });
    }
  }

  const sitemap = options.sitemap ?? "/sitemap.xml";
  if (sitemap) {
    eleventyConfig.addTemplate("plinth-newsroom/sitemap.11ty.js", (data: Data) => sitemapXml((data.collections as { all?: SitemapItem[] } | undefined)?.all, site(data)), {
      ...generated,
      eleventyImport: { collections: ["all"] },
      permalink: outputPath(sitemap),
    });
  }
  if (options.robots !== false) {
    const disallow = options.robots?.disallow ?? [];
    eleventyConfig.addTemplate("plinth-newsroom/robots.11ty.js", (data: Data) => robotsTxt(site(data), sitemap, disallow), { ...generated, permalink: "/robots.txt" });
  }

  if (options.redirects !== false) {
    const settings = options.redirects ?? {};
    const file = (): string => path.resolve(directories().data, settings.file ?? "redirects.json");
    eleventyConfig.addGlobalData("newsroomRedirects", (): Redirect[] => {
      const abs = file();
      if (!existsSync(abs)) return [];
      let value: unknown;
      try {
        value = JSON.parse(readFileSync(abs, "utf8"));
      } catch (cause) {
        throw new PlinthError("RedirectsInvalid", `${path.basename(abs)} is not valid JSON: ${(cause as Error).message}`, { location: { file: abs }, cause });
      }
      return normalizeRedirects(value, path.relative(process.cwd(), abs));
    });
    const list = (data: Data): Redirect[] => (data.newsroomRedirects as Redirect[] | undefined) ?? [];
    const netlify = settings.netlify ?? "/_redirects";
    if (netlify) {
      eleventyConfig.addTemplate("plinth-newsroom/netlify-redirects.11ty.js", (data: Data) => netlifyRedirects(list(data)), {
        ...generated,
        permalink: (data: Data) => (list(data).length > 0 ? netlify : false),
      });
    }
    const nginx = settings.nginx ?? "/nginx-redirects.conf";
    if (nginx) {
      eleventyConfig.addTemplate("plinth-newsroom/nginx-redirects.11ty.js", (data: Data) => nginxMap(list(data)), {
        ...generated,
        permalink: (data: Data) => (list(data).length > 0 ? nginx : false),
      });
    }
    if (settings.pages !== false) {
      eleventyConfig.addTemplate(
        "plinth-newsroom/redirect-page.11ty.js",
        (data: Data) => {
          const redirect = data.redirect as Redirect;
          return redirectPage(redirect, absoluteUrl(site(data), redirect.to));
        },
        {
          ...generated,
          pagination: { data: "newsroomRedirects", size: 1, alias: "redirect" },
          permalink: (data: Data) => redirectPagePath((data.redirect as Redirect).from),
        },
      );
    }
  }
}
