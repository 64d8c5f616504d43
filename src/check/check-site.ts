/**
 * `plinth check`'s engine: reads every page of a built site once, then checks what each page
 * refers to against the files and anchors the site really has. Offline unless asked to check
 * outside links, which go through `external-links.ts`.
 */
import { matchesAny, type CheckSettings } from "./check-config.js";
import { checkExternalLinks, type ExternalOptions, type ExternalUse } from "./external-links.js";
import { readSite } from "./read-site.js";
import { cachedResolver, pageUrlOf, servedFile, type SiteAddress } from "./resolve-url.js";
import { CHECK_RULES, type Problem, type RuleName } from "./rules.js";

export interface CheckOptions {
  outputDir: string;
  site: SiteAddress;
  settings: CheckSettings;
  /** Check outside links too (network). */
  external?: Omit<ExternalOptions, "settings">;
}

export interface CheckResult {
  problems: Problem[];
  pages: number;
  files: number;
  /** References followed inside the site (links and assets). */
  internalRefs: number;
  /** Distinct outside URLs, checked or not. */
  externalUrls: number;
  /** Outside URLs answered from the cache, when they were checked. */
  externalCached: number;
  seconds: number;
}

/** Sorts problems by page, then line, then rule, so reports and tests are stable. */
function byPlace(a: Problem, b: Problem): number {
  return a.page < b.page ? -1 : a.page > b.page ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export async function checkSite(options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const { settings, site } = options;
  const { files, pages } = await readSite(options.outputDir);

  const problems: Problem[] = [];
  const report = (rule: RuleName, page: string, line: number, target: string, detail?: string): void => {
    const severity = settings.rules[rule] ?? CHECK_RULES[rule].severity;
    if (severity !== "off") problems.push({ rule, severity, page, line, target, ...(detail === undefined ? {} : { detail }) });
  };
  const external = new Map<string, ExternalUse[]>();
  let internalRefs = 0;
  const resolve = cachedResolver(site);
  const titles = new Map<string, { file: string; line: number }[]>();

  for (const [file, facts] of pages) {
    const pageUrl = pageUrlOf(file, site.pathPrefix);
    if (matchesAny(pageUrl, settings.ignorePages)) continue;
    if (!facts.title) report("title-missing", file, 1, pageUrl);
    else {
      const sharing = titles.get(facts.title);
      if (sharing) sharing.push({ file, line: facts.titleLine ?? 1 });
      else titles.set(facts.title, [{ file, line: facts.titleLine ?? 1 }]);
    }
    for (const line of facts.imagesWithoutAlt) report("img-alt-missing", file, line, "<img>");

    for (const ref of facts.refs) {
      if (matchesAny(ref.url, settings.ignore)) continue;
      const destination = resolve(ref.url, pageUrl);
      switch (destination.type) {
        case "skipped":
          break;
        case "invalid":
          report("invalid-url", file, ref.line, ref.url, destination.reason);
          break;
        case "external":
          if (matchesAny(destination.url, settings.ignore)) break;
          {
            const use = { page: file, line: ref.line, written: ref.url };
            const known = external.get(destination.url);
            if (known) known.push(use);
            else external.set(destination.url, [use]);
          }
          break;
        case "same-page":
          internalRefs++;
          if (!facts.anchors.has(destination.fragment) && destination.fragment !== "top") report("broken-fragment", file, ref.line, ref.url);
          break;
        case "internal": {
          internalRefs++;
          if (destination.insecure) report("insecure-link", file, ref.line, ref.url);
          if (matchesAny(destination.path, settings.ignore)) break;
          const target = servedFile(destination.path, files);
          if (target === undefined) {
            report(ref.kind === "asset" ? "missing-asset" : "broken-link", file, ref.line, ref.url);
            break;
          }
          const fragment = destination.fragment;
          const targetFacts = fragment === undefined || fragment === "top" ? undefined : pages.get(target);
          if (targetFacts && !targetFacts.anchors.has(fragment!)) report("broken-fragment", file, ref.line, ref.url);
          break;
        }
      }
    }
  }

  for (const [title, withTitle] of titles) {
    if (withTitle.length < 2) continue;
    for (const { file, line } of withTitle) {
      const others = withTitle.filter((other) => other.file !== file).map((other) => pageUrlOf(other.file, site.pathPrefix));
      report("title-duplicate", file, line, title, `also the title of ${others[0]}${others.length > 1 ? ` and ${others.length - 1} more` : ""}`);
    }
  }

  let externalCached = 0;
  if (options.external) {
    const outcome = await checkExternalLinks(external, { ...options.external, settings: settings.external });
    externalCached = outcome.cached;
    for (const failure of outcome.failures) {
      for (const use of failure.uses) report(failure.timedOut ? "external-timeout" : "external-broken", use.page, use.line, use.written, failure.reason);
    }
  }

  problems.sort(byPlace);
  return {
    problems,
    pages: pages.size,
    files: files.size,
    internalRefs,
    externalUrls: external.size,
    externalCached,
    seconds: (performance.now() - started) / 1000,
  };
}
