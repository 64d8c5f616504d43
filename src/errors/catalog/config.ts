import type { ErrorDefinition } from "../error-definition.js";

/** Errors in the site's configuration file, its plugins and the command line. */
export const configErrors = {
  ConfigLoad: {
    title: "The config file failed to load",
    hint: "Fix the error in your config file; it runs as ordinary JavaScript.",
  },
  UnsupportedApi: {
    title: "Not supported yet by Plinth",
    hint: "See COMPAT.md for the supported surface. Remove the call or build this site with Eleventy until Plinth supports it.",
  },
  ConfigMisuse: {
    title: "A config method was called in a way Eleventy refuses too",
    hint: "Fix the call in your config file or plugin; the message says what the method expects.",
  },
  InputNotFound: {
    title: "Input folder not found",
    hint: "Pass an existing folder with `--input`, or run Plinth from your site's folder.",
  },
  OutputHoldsInput: {
    title: "The output folder holds the input folder",
    hint: "Write the site to a folder of its own, such as `--output _site`: the output folder is replaced on every build, and pages written among the sources would be read as input by the next one.",
  },
  CliUsage: {
    title: "Invalid command line",
    hint: "Run `plinth --help` for the commands and options.",
  },
  PluginFailed: {
    title: "A plugin failed",
    hint: "See the cause below; the plugin's function threw while it configured the site.",
  },
  EventListenerFailed: {
    title: "An event listener failed",
    hint: "A function given to eleventyConfig.on(...) in the config or a plugin threw; see the cause below for where.",
  },
} as const satisfies Record<string, ErrorDefinition>;
