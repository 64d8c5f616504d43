// `npm run studio`: the studio on a copy of the example site, so that its saves and commits go
// to a scratch repository and never into Plinth's own. The copy is made once (in the system's
// temp folder, kept between runs); pass `--fresh` to start again from examples/foundation.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const copy = path.join(os.tmpdir(), "plinth-studio-example");
const args = process.argv.slice(2);
if (args.includes("--fresh")) rmSync(copy, { recursive: true, force: true });

if (!existsSync(copy)) {
  cpSync(path.join(root, "examples", "foundation"), copy, { recursive: true, filter: (src) => !/[\\/](_site|node_modules)$/.test(src) });
  // The example's config imports "plinth": this checkout.
  mkdirSync(path.join(copy, "node_modules"), { recursive: true });
  symlinkSync(root, path.join(copy, "node_modules", "plinth"), "dir");
  writeFileSync(path.join(copy, ".gitignore"), "node_modules\n_site\n");
  const git = (...a) => execFileSync("git", a, { cwd: copy, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=Plinth Example", "-c", "user.email=example@localhost", "commit", "-q", "-m", "The example site");
  process.stdout.write(`[studio] Copied the example site to ${copy} (a git repository of its own)\n`);
}

const child = spawn(process.execPath, [path.join(root, "bin", "plinth.js"), "studio", ...args.filter((a) => a !== "--fresh")], { cwd: copy, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
