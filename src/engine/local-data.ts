/**
 * Template and directory data files. For `news/2023/post.md` the layers, lowest first, are
 * `news/news.json`, `news/news.11tydata.json`, `news/news.11tydata.js`, then the same for
 * `news/2023/`, then `news/2023/post.json`, `post.11tydata.json`, `post.11tydata.js`.
 * Each folder's layer is loaded once per build and shared by every page in it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { cleanLayer, mergeLayers, isPlainObject, type DataObject } from "./data-merge.js";
import { loadDataFile, type DataFileContext } from "./data-file.js";
import { PlinthError } from "../errors/plinth-error.js";

export interface LocalDataLayer {
  data: DataObject;
  files: string[];
}

export class LocalData {
  private readonly layerCache = new Map<string, Promise<LocalDataLayer>>();

  /**
   * @param knownFiles every file the scan found: looking data files up here saves several
   * file-system checks per template and folder.
   */
  constructor(
    private readonly inputDir: string,
    private readonly ctx: DataFileContext,
    private readonly knownFiles?: ReadonlySet<string>,
  ) {}

  private exists(file: string): boolean {
    return this.knownFiles ? this.knownFiles.has(file) : existsSync(file);
  }

  /**
   * The data file name endings, lowest precedence first, as Eleventy lists them: for each suffix
   * (`.11tydata`, then none), `.js`, `.cjs`, `.mjs` (suffixed names only), `.json` and the
   * `addDataExtension` formats, highest first; the whole list read backwards. A directory data
   * file named by `setDataFileBaseName` takes suffixed names only.
   */
  private suffixes(suffixedOnly = false): string[] {
    const cacheKey = suffixedOnly ? 1 : 0;
    const cached = this.suffixCache[cacheKey];
    if (cached) return cached;
    const custom = [...this.ctx.dataExtensions.keys()];
    const highestFirst: string[] = [];
    for (const suffix of this.ctx.dataFileSuffixes ?? [".11tydata", ""]) {
      if (suffixedOnly && !suffix) continue;
      if (suffix) highestFirst.push(`${suffix}.js`, `${suffix}.cjs`, `${suffix}.mjs`);
      highestFirst.push(`${suffix}.json`, ...custom.map((ext) => `${suffix}.${ext}`));
    }
    const list = [...new Set(highestFirst)].reverse();
    this.suffixCache[cacheKey] = list;
    return list;
  }

  private readonly suffixCache: (string[] | undefined)[] = [];

  private candidates(stem: string, suffixedOnly: boolean): string[] {
    return this.suffixes(suffixedOnly).map((suffix) => `${stem}${suffix}`);
  }

  private stemsWithData?: Set<string>;

  /**
   * Whether any data file could exist for `stem`. Most templates have none: one lookup of the
   * stem, among the stems of the files the scan found, spares building and looking up each name.
   */
  private mayHaveData(stem: string): boolean {
    if (!this.knownFiles) return true;
    if (!this.stemsWithData) {
      const suffixes = this.suffixes();
      this.stemsWithData = new Set();
      for (const file of this.knownFiles) for (const suffix of suffixes) if (file.endsWith(suffix)) this.stemsWithData.add(file.slice(0, -suffix.length));
    }
    return this.stemsWithData.has(stem);
  }

  /** Loads the data files for one stem (a folder's or a template's), merged in precedence order. */
  layer(stem: string, suffixedOnly = false): Promise<LocalDataLayer> {
    const key = suffixedOnly ? `${stem}\0suffixed` : stem;
    let cached = this.layerCache.get(key);
    if (!cached) {
      cached = this.loadLayer(stem, suffixedOnly);
      this.layerCache.set(key, cached);
    }
    return cached;
  }

  private async loadLayer(stem: string, suffixedOnly: boolean): Promise<LocalDataLayer> {
    const files = this.mayHaveData(stem) ? this.candidates(stem, suffixedOnly).filter((f) => this.exists(f)) : [];
    const values = await Promise.all(files.map((f) => loadDataFile(f, this.ctx)));
    const layers = values.map((v, i) => {
      try {
        return isPlainObject(v) ? cleanLayer(v) : {};
      } catch (error) {
        if (error instanceof PlinthError && !error.location) {
          throw new PlinthError(error.code, `${this.ctx.displayPath(files[i]!)}: ${error.message}`, { location: { file: this.ctx.displayPath(files[i]!) } });
        }
        throw error;
      }
    });
    return { data: mergeLayers(layers), files };
  }

  /** All local layers for a template, lowest precedence first. */
  async layersFor(templateFile: string, templateStemName: string): Promise<LocalDataLayer[]> {
    const dir = path.dirname(templateFile);
    const folders = this.folderStems(dir);
    const templateStem = path.join(dir, templateStemName);
    // `news/news.md` shares its stem with its folder: that layer counts once, as the template's.
    const suffixedOnly = this.ctx.dataFileBaseName !== undefined;
    const outer = folders[folders.length - 1] === templateStem ? folders.slice(0, -1) : folders;
    return Promise.all([...outer.map((s) => this.layer(s, suffixedOnly)), this.layer(templateStem)]);
  }

  private readonly stemsByFolder = new Map<string, string[]>();

  /** The data file stems of a folder and its parents up to the input folder, outermost first; one list per folder. */
  private folderStems(dir: string): string[] {
    let stems = this.stemsByFolder.get(dir);
    if (stems) return stems;
    const rel = path.relative(this.inputDir, dir);
    const folders = rel === "" ? [] : rel.split(path.sep);
    const baseName = this.ctx.dataFileBaseName;
    // The input folder's own data file is named after it (`src/src.json`), like any other folder,
    // except when the input is the project folder itself: Eleventy has no name for it then.
    const inputIsProject = this.ctx.displayPath(this.inputDir) === "./";
    stems = baseName !== undefined || !inputIsProject ? [path.join(this.inputDir, baseName ?? path.basename(this.inputDir))] : [];
    let current = this.inputDir;
    for (const folder of folders) {
      current = path.join(current, folder);
      stems.push(path.join(current, baseName ?? folder));
    }
    this.stemsByFolder.set(dir, stems);
    return stems;
  }

  clear(): void {
    this.layerCache.clear();
    this.suffixCache.length = 0;
    this.stemsByFolder.clear();
    this.stemsWithData = undefined;
  }
}
