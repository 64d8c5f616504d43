/**
 * Plinth's programmatic API: build a site, keep one for incremental updates, and the
 * writers that say where output goes.
 */
export { build, rebuild, type BuildOptions, type BuildResult } from "./engine/build.js";
export { Site, type SiteUpdate, type SiteOptions } from "./engine/site.js";
export { MemoryWriter } from "./write/memory-writer.js";
export { DiskWriter } from "./write/disk-writer.js";
export type { OutputWriter, WriteSummary } from "./write/output-writer.js";
export { PlinthError, BuildFailure } from "./errors/plinth-error.js";
export { formatError, errorToJson } from "./errors/format-error.js";
