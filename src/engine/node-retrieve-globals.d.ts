/** The part of node-retrieve-globals (Eleventy's `---js` front matter runner) that Plinth uses. */
declare module "node-retrieve-globals" {
  export class RetrieveGlobals {
    constructor(code: string, options?: { filePath?: string; transformEsmImports?: boolean });
    getGlobalContext(data?: Record<string, unknown>, options?: { reuseGlobal?: boolean; dynamicImport?: boolean }): Promise<Record<string, unknown>>;
  }
}
