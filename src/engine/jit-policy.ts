/**
 * V8 optimises a function once it has run through a budget of bytecode (66 KB by default). Most
 * of a build of a thousand pages is over before optimised code pays back its compilation, which
 * runs on a background thread that competes with the build's own threads on a small machine.
 * So a command line build starts with a budget four times larger, and gets V8's default back
 * once the scan shows a site large enough for its render loops to need optimised code early.
 *
 * Measured on two cores (bench/.sites, cold builds into /dev/shm): 1,000 posts 0.67 -> 0.61 s
 * and 1.12 -> 0.97 s of CPU; 4,000 posts 1.39 -> 1.31 s; 10,000 posts 2.64 s with V8's default
 * against 2.78 s had the larger budget stayed, hence the way back.
 */
import v8 from "node:v8";

const DEFAULT_BUDGET = 66 * 1024;
const PATIENT_BUDGET = 4 * DEFAULT_BUDGET;

/** Template files from which a build optimises as soon as V8 would by default. */
export const EAGER_JIT_TEMPLATES = 5_000;

let patient = false;

/** For a process that is about to build: optimise later than V8 would. */
export function optimiseLater(): void {
  v8.setFlagsFromString(`--interrupt-budget=${PATIENT_BUDGET}`);
  patient = true;
}

/** Back to V8's default budget for a large site; read by V8 each time it resets a function's budget. */
export function tuneJitFor(templates: number): void {
  if (!patient || templates < EAGER_JIT_TEMPLATES) return;
  v8.setFlagsFromString(`--interrupt-budget=${DEFAULT_BUDGET}`);
  patient = false;
}
