/**
 * Eleventy's Internationalization plugin (`resolvePlugin("@11ty/eleventy/i18n-plugin")`), for
 * sites whose translations live under language-code folders (`/en/`, `/es/about/`):
 * `page.lang` from the URL, `locale_url` to link to the current language's version of a URL,
 * `locale_links` for a page's other translations, and `locale_page`, which the
 * get*CollectionItem filters use to stay within one language.
 */
import { bcp47Normalize } from "bcp-47-normalize";
import iso6391 from "iso-639-1";
import type { UserConfig, UserFunction } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";

export interface I18nOptions {
  defaultLanguage: string;
  filters: { url: string; links: string };
  /** "strict" (default): locale_url of a URL that only exists untranslated fails; "allow-fallback": a URL that does not exist at all fails; "never". */
  errorMode: "strict" | "allow-fallback" | "never";
}

interface LocaleLink {
  url: string;
  lang?: string;
  label?: string;
}

interface PageLike {
  url?: unknown;
  inputPath?: unknown;
  filePathStem?: unknown;
}

type UrlToInputPath = Record<string, { inputPath: string; groupNumber: number }>;

/** A language code: an ISO 639-1 language first (`en`, `pt-BR`), and valid BCP 47 as a whole. */
export function isLanguageCode(code: string | undefined): code is string {
  if (!code) return false;
  const language = code.split("-")[0]!;
  return iso6391.validate(language) && bcp47Normalize(code) !== "";
}

function languageOfPath(filePath: string): string | undefined {
  return filePath.split("/").find(isLanguageCode);
}

/** The language code that starts a URL (`/es/about/` -> `es`), or "". */
export function languageOfUrl(url: unknown): string {
  const first = typeof url === "string" ? url.split("/")[1] : undefined;
  return isLanguageCode(first) ? first : "";
}

/** Replaces the first language-code segment of a path. */
function swapLanguage(text: string, language: string): string {
  let swapped = false;
  return text
    .split("/")
    .map((segment) => {
      if (swapped || !isLanguageCode(segment)) return segment;
      swapped = true;
      return language;
    })
    .join("/");
}

function compareLanguages(a: LocaleLink, b: LocaleLink): number {
  if (a.lang === b.lang || a.lang === undefined || b.lang === undefined) return 0;
  return a.lang < b.lang ? -1 : 1;
}

/**
 * Groups the site's URLs by the file they come from with its language code taken out (and by
 * pagination page), so `/en/about/` and `/es/about/` are translations of one another.
 */
function localeLinks(urlToInputPath: UrlToInputPath, withoutExtension: (file: string) => string, defaultLanguage: string): Map<string, LocaleLink[]> {
  const groups = new Map<string, LocaleLink[]>();
  for (const [url, { inputPath, groupNumber }] of Object.entries(urlToInputPath)) {
    const key = `${swapLanguage(withoutExtension(inputPath), "\0")}#${groupNumber}`;
    const group = groups.get(key) ?? [];
    groups.set(key, group);
    const lang = languageOfPath(inputPath) || languageOfUrl(url) || defaultLanguage;
    group.push(lang ? { url, lang, label: iso6391.getNativeName(lang.split("-")[0]!) } : { url });
  }
  const byUrl = new Map<string, LocaleLink[]>();
  for (const group of groups.values()) {
    group.sort(compareLanguages);
    for (const { url } of group) {
      if (!byUrl.has(url)) byUrl.set(url, group.filter((link) => link.lang !== undefined || link.url !== url));
    }
  }
  return byUrl;
}

function hasSegment(url: string, language: string): boolean {
  return isLanguageCode(language) && url.split("/").includes(language);
}

export function i18nPlugin(eleventyConfig: UserConfig, given: Partial<I18nOptions> = {}): void {
  const options: I18nOptions = { defaultLanguage: "", errorMode: "strict", ...given, filters: { url: "locale_url", links: "locale_links", ...given.filters } };
  if (!options.defaultLanguage) {
    throw new PlinthError("PluginFailed", "The I18n plugin needs a `defaultLanguage` option.", { hint: 'Pass it: addPlugin(I18nPlugin, { defaultLanguage: "en" }).' });
  }
  let withoutExtension = (file: string): string => file;
  let urlToInputPath: UrlToInputPath = {};
  let inputPathToUrl: Record<string, unknown> = {};
  let links = new Map<string, LocaleLink[]>();

  eleventyConfig.on("eleventy.extensionmap", ((map: { removeTemplateExtension: (file: string) => string }) => {
    withoutExtension = (file) => map.removeTemplateExtension(file);
  }) as UserFunction);
  const onContentMap = ((maps: { urlToInputPath: UrlToInputPath; inputPathToUrl: Record<string, unknown> }) => {
    urlToInputPath = maps.urlToInputPath;
    inputPathToUrl = maps.inputPathToUrl;
    links = localeLinks(urlToInputPath, withoutExtension, options.defaultLanguage);
  }) as UserFunction;
  eleventyConfig.on("eleventy.contentMap", onContentMap);
  // It keeps the map for this build's own filters, so a build the cache skips loses nothing.
  eleventyConfig.buildLocalListeners.add(onContentMap);

  // A function returning the computed-data function: global data functions are called once.
  eleventyConfig.addGlobalData("eleventyComputed.page.lang", () => (data: { page?: PageLike }) => languageOfUrl(data.page?.url) || options.defaultLanguage);

  const linksOf = (url: string): LocaleLink[] | undefined => links.get(url) ?? (url.endsWith("/") ? undefined : links.get(`${url}/`));
  const exists = (url: string): boolean => url in urlToInputPath || (!url.endsWith("/") && `${url}/` in urlToInputPath);

  eleventyConfig.addFilter(options.filters.url, function (this: unknown, given: unknown, languageOverride?: unknown): string {
    const url = String(given);
    const language = (typeof languageOverride === "string" && languageOverride) || languageOfUrl((this as { page?: PageLike }).page?.url) || options.defaultLanguage;
    const translated = linksOf(url)?.find((link) => hasSegment(link.url, language));
    if (translated) return translated.url;
    const prefixed = `/${language}${url}`;
    if (linksOf(prefixed)) return prefixed;
    if (exists(url)) {
      if (options.errorMode === "strict") {
        throw new Error(`locale_url: ${prefixed} does not exist, but ${url} does (it is not a translated page). Link to it without \`${options.filters.url}\`, or set the I18n plugin's errorMode.`);
      }
    } else if (options.errorMode === "allow-fallback") {
      throw new Error(`locale_url: ${prefixed} does not exist in this site. Add it, or set the I18n plugin's errorMode to "never".`);
    }
    return url;
  });

  eleventyConfig.addFilter(options.filters.links, function (this: unknown, urlOverride?: unknown): LocaleLink[] {
    const url = String(urlOverride || (this as { page?: PageLike }).page?.url);
    return (links.get(url) ?? []).filter((link) => link.url !== url);
  });

  // The page of the default (or a given) language that translates a page; the page itself when there is none.
  eleventyConfig.addFilter("locale_page", function (this: unknown, pageOverride?: unknown, languageCode?: unknown): unknown {
    const language = (typeof languageCode === "string" && languageCode) || options.defaultLanguage;
    const page = ((pageOverride as PageLike | undefined) || (this as { page?: PageLike }).page || {}) as PageLike;
    let url: string | undefined;
    for (const link of links.get(String(page.url)) ?? []) if (link.lang === language) url = link.url;
    const inputPath = isLanguageCode(language) ? swapLanguage(String(page.inputPath), language) : String(page.inputPath);
    const urls = inputPathToUrl[inputPath];
    if (!url || !Array.isArray(urls) || urls.length === 0) return page;
    const stem = String(page.filePathStem);
    return { url, inputPath, filePathStem: isLanguageCode(language) ? swapLanguage(stem, language) : stem, __locale_page_resolved: true };
  });
}

Object.defineProperty(i18nPlugin, "eleventyPackage", { value: "@11ty/eleventy/i18n-plugin" });
Object.defineProperty(i18nPlugin, "eleventyPluginOptions", { value: { unique: true } });
