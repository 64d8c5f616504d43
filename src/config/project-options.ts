/** The resolved options of a project: what a config file returns merged over Eleventy's defaults. */
export interface DirectoryOptions {
  /** Input folder, relative to the working directory. Default `.`. */
  input: string;
  /** Output folder, relative to the working directory. Default `_site`. */
  output: string;
  /** Includes folder, relative to the input folder. Default `_includes`. */
  includes: string;
  /** Layouts folder, relative to the input folder. Default: the includes folder. */
  layouts?: string;
  /** Global data folder, relative to the input folder. Default `_data`. */
  data: string;
}

export type EngineName = "njk" | "liquid" | "md" | "html" | "11ty.js";

export interface ProjectOptions {
  dir: DirectoryOptions;
  templateFormats: string[];
  /** Engine that preprocesses Markdown, or false for none. Default `liquid`. */
  markdownTemplateEngine: string | false;
  /** Engine that preprocesses HTML, or false for none. Default `liquid`. */
  htmlTemplateEngine: string | false;
  /** Engine for string values in data files, or false (Eleventy's default since 1.0). */
  dataTemplateEngine: string | false;
  /** Prefix for URLs made with the `url` filter. Default `/`. */
  pathPrefix: string;
}

export const defaultOptions = (): ProjectOptions => ({
  dir: { input: ".", output: "_site", includes: "_includes", data: "_data" },
  templateFormats: ["liquid", "md", "njk", "html", "11ty.js"],
  markdownTemplateEngine: "liquid",
  htmlTemplateEngine: "liquid",
  dataTemplateEngine: false,
  pathPrefix: "/",
});
