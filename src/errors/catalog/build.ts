import type { ErrorDefinition } from "../error-definition.js";

/** Errors in the site's own content and templates, raised while building. */
export const buildErrors = {
  FrontMatterInvalid: {
    title: "Front matter could not be parsed",
    hint: "Check the YAML between the `---` lines: indentation, a missing colon, or a value with `:` or `#` that needs quotes.",
  },
  DataFileInvalid: {
    title: "A data file could not be loaded",
    hint: "Fix the syntax of the data file; JSON must be strict (no trailing commas or comments).",
  },
  FileUnreadable: {
    title: "A file could not be read",
    hint: "Check that the file exists and that Plinth may read it.",
  },
  PassthroughMissing: {
    title: "A linked file to copy does not exist",
    hint: "Fix the link or add the file; an html-relative passthrough copy copies the files pages link to.",
  },
  ReservedData: {
    title: "Data sets a name Eleventy reserves",
    hint: "Rename the key (content, collections and page's own fields are set by the build), or call `eleventyConfig.setFreezeReservedData(false)` to allow it, as in Eleventy.",
  },
  LayoutNotFound: {
    title: "Layout not found",
    hint: "Create the layout in the layouts folder (by default `_includes`), fix the `layout` name, or add an alias with `addLayoutAlias`.",
  },
  LayoutCycle: {
    title: "Layouts form a cycle",
    hint: "A layout must not use itself, directly or through other layouts. Remove one of the `layout` keys in the chain.",
  },
  TemplateSyntax: {
    title: "Template syntax error",
    hint: "Fix the tag or expression at the location shown.",
  },
  TemplateRender: {
    title: "Template failed to render",
    hint: "See the cause below; a filter, shortcode or data value raised an error.",
  },
  UnknownFilter: {
    title: "Unknown filter",
    hint: "Check the spelling, or add the filter in your config with `eleventyConfig.addFilter(name, fn)`.",
  },
  DuplicateOutput: {
    title: "Two templates write the same output file",
    hint: "Give one of them a different `permalink`, or set `permalink: false` on the one that should not be written.",
  },
  PermalinkInvalid: {
    title: "Invalid permalink",
    hint: "A permalink must be a string ending in `/` or a file name with an extension, or `false`.",
  },
  InvalidDate: {
    title: "Invalid date",
    hint: "Use an ISO 8601 date such as `2023-03-22` or `2023-03-22T12:30:00Z`, or `Last Modified` / `Created`.",
  },
  PaginationInvalid: {
    title: "Invalid pagination",
    hint: "`pagination.data` must name data that exists and is an array or an object.",
  },
  PaginationCycle: {
    title: "Templates that paginate collections form a cycle",
    hint: "A template cannot paginate a collection that waits for its own pages. Take its tags off (they may come from a directory data file), or add `eleventyExcludeFromCollections: true` to it.",
  },
  ComputedDataInvalid: {
    title: "Computed data failed",
    hint: "Check the `eleventyComputed` value at the location shown.",
  },
  CollectionInvalid: {
    title: "A custom collection failed",
    hint: "The function given to `addCollection` must return an array or an object.",
  },
  OutputWrite: {
    title: "The output could not be written",
    hint: "Check that the output folder is writable and that no file is in the way of a folder.",
  },
  TagsInvalid: {
    title: "Invalid tags",
    hint: "Write `tags: news` or a list such as `tags: [news, release]`.",
  },
  TemplateContentTooEarly: {
    title: "templateContent used before it was rendered",
    hint: "A page's content reads another page's `templateContent` that itself depends on collections. Move that use into a layout.",
  },
} as const satisfies Record<string, ErrorDefinition>;
