/** The bundle plugin Eleventy 3 adds to every site (`addBundle`, `getBundle`, `{% css %}`, ...). */
declare module "@11ty/eleventy-plugin-bundle" {
  const bundlePlugin: (eleventyConfig: object, options?: Record<string, unknown>) => void;
  export default bundlePlugin;
}
