import type { ErrorDefinition } from "../error-definition.js";

/** Errors of the newsroom: `plinth check`, `plinth new`, `plinth init` and the `plinth/newsroom` plugin. */
export const newsroomErrors = {
  CheckConfigInvalid: {
    title: "The check settings are not valid",
    hint: 'Write the `check` section of plinth.json as in docs/newsroom.md, e.g. `{"check": {"ignore": ["/legacy/*"], "rules": {"title-duplicate": "off"}}}`.',
  },
  CheckOutputMissing: {
    title: "There is no built site to check",
    hint: "Build the site first (`plinth build`), pass `--build` to build before checking, or point `--output` at the built folder.",
  },
  CheckSiteUrlInvalid: {
    title: "The site URL is not valid",
    hint: "Give the site's public address with its scheme, e.g. `--site-url https://example.org`, or set `url` in _data/site.json.",
  },
  NewTitleMissing: {
    title: "No title given",
    hint: 'Run `plinth new news "The title of the post"`.',
  },
  NewCollectionUnknown: {
    title: "No such collection folder",
    hint: "Give the name of a folder of the site that holds entries (such as news or events), or create the folder first.",
  },
  NewSlugTaken: {
    title: "An entry with this slug already exists",
    hint: "Edit the existing file, or choose a title that gives a different slug.",
  },
  NewTemplateInvalid: {
    title: "The entry template is not valid",
    hint: "A template in _templates/ is a Markdown file with YAML front matter between `---` lines; see docs/newsroom.md.",
  },
  NewTimeZoneInvalid: {
    title: "The site's time zone is not valid",
    hint: 'Use an IANA zone name such as "Europe/Berlin" or "UTC" for `timezone` in _data/site.json, or `--tz`.',
  },
  InitFolderNotEmpty: {
    title: "The folder is not empty",
    hint: "Choose a new or empty folder, or pass --force to add the starter files beside what is there (existing files are never overwritten).",
  },
  NewsroomOptionInvalid: {
    title: "A newsroom plugin option is not valid",
    hint: "See docs/newsroom.md for the plugin's options and their types.",
  },
  RedirectsInvalid: {
    title: "The redirects file is not valid",
    hint: 'List redirects in `_data/redirects.json` as `{"/old/path/": "/new/path/"}` or `[{"from": "/old/", "to": "/new/", "status": 301}]`.',
  },
} as const satisfies Record<string, ErrorDefinition>;
