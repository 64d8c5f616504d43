// Types for @11ty/posthtml-urls (the package ships none): a PostHTML plugin that calls
// `eachURL` for every URL-bearing attribute and puts back what it returns.
declare module "@11ty/posthtml-urls" {
  import type { Plugin } from "posthtml";

  interface PosthtmlUrlsOptions {
    eachURL: (url: string, attribute: string, tag: string) => unknown;
    filter?: Record<string, Record<string, boolean | ((node: unknown, attribute: string) => boolean)>>;
  }

  function posthtmlUrls(options: PosthtmlUrlsOptions): Plugin<unknown>;
  export = posthtmlUrls;
}
