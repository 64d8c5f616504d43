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

  /** The data file name endings, in precedence order, lowest first. */
  private suffixes(): string[] {
    const custom = [...this.ctx.dataExtensions.keys()];
    return [...custom.map((ext) => `.${ext}`), ".json", ...custom.map((ext) => `.11tydata.${ext}`), ".11tydata.json", ".11tydata.cjs", ".11tydata.mjs", ".11tydata.js"];
  }

  private candidates(stem: string): string[] {
    return this.suffixes().map((suffix) => `${stem}${suffix}`);
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
  layer(stem: string): Promise<LocalDataLayer> {
    let cached = this.layerCache.get(stem);
    if (!cached) {
      cached = this.loadLayer(stem);
      this.layerCache.set(stem, cached);
    }
    return cached;
  }

  private async loadLayer(stem: string): Promise<LocalDataLayer> {
    const files = this.mayHaveData(stem) ? this.candidates(stem).filter((f) => this.exists(f)) : [];
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
    // `news/news.md` shares its stem with its folder: that layer must count once, not twice.
    const stems = folders[folders.length - 1] === templateStem ? folders : [...folders, templateStem];
    return Promise.all(stems.map((s) => this.layer(s)));
  }

  private readonly stemsByFolder = new Map<string, string[]>();

  /** The data file stems of a folder and its parents up to the input folder, outermost first; one list per folder. */
  private folderStems(dir: string): string[] {
    let stems = this.stemsByFolder.get(dir);
    if (stems) return stems;
    const rel = path.relative(this.inputDir, dir);
    const folders = rel === "" ? [] : rel.split(path.sep);
    // The input folder's own data file is named after it (`src/src.json`), like any other folder.
    stems = [path.join(this.inputDir, path.basename(this.inputDir))];
    let current = this.inputDir;
    for (const folder of folders) {
      current = path.join(current, folder);
      stems.push(path.join(current, folder));
    }
    this.stemsByFolder.set(dir, stems);
    return stems;
  }

  clear(): void {
    this.layerCache.clear();
    this.stemsByFolder.clear();
    this.stemsWithData = undefined;
  }
}
