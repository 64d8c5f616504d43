/**
 * Layouts: resolving a `layout` name (aliases, with or without extension) to a file in the
 * layouts folder, reading and compiling each layout once, and following chains with cycle checks.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { PlinthError } from "../errors/plinth-error.js";
import type { LanguageSet } from "../engines/language-set.js";
import type { RenderFunction } from "../engines/template-language.js";
import { cleanLayer, type DataObject } from "./data-merge.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import { displayPath, type ProjectPaths } from "./project-paths.js";
import { templateExtensionOf } from "./scan.js";
import { applyLayoutJavaScriptFrontMatter } from "./javascript-front-matter.js";
import { readTemplateSource, type TemplateSource } from "./template-source.js";

export interface Layout {
  name: string;
  source: TemplateSource;
  data: DataObject;
  chain: string[];
  /** Compiled on first use: layouts that no page uses cost nothing. */
  render: () => RenderFunction;
}

export interface LayoutResolverOptions {
  paths: ProjectPaths;
  aliases: Map<string, string>;
  templateExtensions: string[];
  extensionlessResolution: boolean;
  languages: LanguageSet;
}

export class LayoutResolver {
  private readonly cache = new Map<string, Layout>();

  constructor(private readonly options: LayoutResolverOptions) {}

  private findFile(name: string): string | undefined {
    const { paths, templateExtensions, extensionlessResolution } = this.options;
    const dirs = paths.layouts === paths.includes ? [paths.layouts] : [paths.layouts, paths.includes];
    for (const dir of dirs) {
      const direct = path.join(dir, name);
      if (templateExtensionOf(direct, templateExtensions) && isFile(direct)) return direct;
      if (!extensionlessResolution) continue;
      for (const ext of templateExtensions) {
        const candidate = `${direct}.${ext}`;
        if (isFile(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** Resolves one layout by name. `usedBy` names the file that asked, for the error message. */
  resolve(rawName: string, usedBy: string): Layout {
    const name = this.options.aliases.get(rawName) ?? rawName;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const file = this.findFile(name);
    if (!file) {
      const where = displayPath(this.options.paths, this.options.paths.layouts);
      throw new PlinthError("LayoutNotFound", `The layout "${rawName}" used by ${usedBy} was not found in ${where}.`, {
        location: { file: usedBy },
      });
    }
    const extension = templateExtensionOf(file, this.options.templateExtensions)!;
    const source = readTemplateSource(file, this.options.paths.input, displayPath(this.options.paths, file), extension);
    applyLayoutJavaScriptFrontMatter(source);
    const chain = this.options.languages.chainFor(extension, source.frontMatter.data.templateEngineOverride);
    let compiled: RenderFunction | undefined;
    const layout: Layout = {
      name,
      source,
      data: cleanLayer(source.frontMatter.data),
      chain,
      render: () => (compiled ??= this.compile(source, chain)),
    };
    this.cache.set(name, layout);
    return layout;
  }

  private compile(source: TemplateSource, chain: string[]): RenderFunction {
    return this.options.languages.compile(chain, source.frontMatter.body, source.file);
  }

  /** The layouts a page goes through, innermost first. A layout met twice is a cycle. */
  chainFor(layoutName: unknown, usedBy: string): Layout[] {
    const out: Layout[] = [];
    const seen = new Set<string>();
    let name = layoutName;
    let requester = usedBy;
    while (typeof name === "string" && name !== "") {
      const layout = this.resolve(name, requester);
      if (seen.has(layout.source.file)) {
        const names = [...out.map((l) => l.source.inputPath), layout.source.inputPath].join(" -> ");
        // The error belongs on the `layout:` line that closes the cycle.
        const closing = out[out.length - 1]!.source;
        throw new PlinthError("LayoutCycle", `The layouts used by ${usedBy} form a cycle: ${names}.`, {
          location: { file: closing.inputPath, ...frontMatterKeyLocation(closing.text, "layout") },
          source: closing.text,
        });
      }
      seen.add(layout.source.file);
      out.push(layout);
      name = layout.source.frontMatter.data.layout;
      requester = layout.source.inputPath;
    }
    return out;
  }

  invalidate(): void {
    this.cache.clear();
  }
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}
