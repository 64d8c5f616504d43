// Builds dist/ for the npm package lifecycle: `prepare` (npm ci / npm install in a clone, and
// an install from a git URL) and `prepack` (npm pack / npm publish, with --clean so no stale
// module from an older build is shipped). Not shipped itself: installs from the registry or a
// tarball run no `prepare`, the tarball already holds dist/.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const clean = process.argv.includes("--clean");
const command = process.env.npm_command ?? "";

// npm pack and npm publish run prepack (a clean build) and then prepare: build once.
if (!clean && (command === "pack" || command === "publish")) process.exit(0);

let tscPackage;
try {
  tscPackage = createRequire(path.join(root, "package.json")).resolve("typescript/package.json");
} catch {
  // `npm ci --omit=dev` leaves out the compiler: there is nothing to build with, and such an
  // install only runs code that was built before (or runs nothing). Say so and go on.
  if (clean) {
    console.error("[plinth] cannot pack: typescript (a dev dependency) is not installed; run npm ci first");
    process.exit(1);
  }
  console.warn("[plinth] typescript is not installed (dev dependencies omitted): dist/ was not built");
  process.exit(0);
}

if (clean) rmSync(path.join(root, "dist"), { recursive: true, force: true });
const tsc = path.join(path.dirname(tscPackage), "bin", "tsc");
if (!existsSync(tsc)) {
  console.error(`[plinth] the TypeScript compiler is not where expected: ${tsc}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.json")], { cwd: root, stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);
// The studio's browser app ships as a bundle (dist/src/studio/public/), made by esbuild.
const bundle = spawnSync(process.execPath, [path.join(root, "scripts", "bundle-studio.mjs")], { cwd: root, stdio: "inherit" });
process.exit(bundle.status ?? 1);
