// `plinth studio` as a user runs it: a child process on a site folder, with a known token, its
// address read from what it prints. For the load bench and the crash test, which must not share
// an event loop (or a fate) with the studio they measure or kill.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../compat/build-site.js";

export interface StudioProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** SIGKILL to the studio and its git commands (its own process group), and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (Ctrl+C's cousin), and wait for the exit. */
  stop(): Promise<void>;
}

export async function startStudioProcess(siteDir: string, token: string, timeoutMs = 180_000): Promise<StudioProcess> {
  const env = { ...process.env, PLINTH_STUDIO_TOKEN: token };
  const child = spawn(process.execPath, [path.join(repoRoot(), "bin", "plinth.js"), "studio", "--port", "0"], { cwd: siteDir, stdio: ["ignore", "pipe", "pipe"], env, detached: true });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (output += text));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A studio that never listened must not outlive the test (its pipes would keep it running).
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`plinth studio did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.setEncoding("utf8").on("data", (text: string) => {
      output += text;
      const found = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`plinth studio exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        // The whole process group: the studio and any git it was running, as a crash takes them.
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
    }
    await exited;
  };
  return { child, origin, output: () => output, kill: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}
