/**
 * Options for the build's helper threads (Markdown, writing). Their live data is tiny, since
 * each request is done with when its reply goes, so a small young generation is enough; V8's
 * default would have each thread keep tens of megabytes it never needs.
 */
import type { WorkerOptions } from "node:worker_threads";

export const HELPER_THREAD_OPTIONS: WorkerOptions = { resourceLimits: { maxYoungGenerationSizeMb: 4 } };
