/** `--open`: asks the desktop to open the site's URL; when it cannot, says so and carries on. */
import { spawn } from "node:child_process";

function opener(url: string): [string, string[]] {
  if (process.platform === "darwin") return ["open", [url]];
  if (process.platform === "win32") return ["cmd", ["/c", "start", "", url]];
  return ["xdg-open", [url]];
}

export function openBrowser(url: string, warn: (line: string) => void): void {
  const [command, args] = opener(url);
  try {
    const child = spawn(command, args, { detached: true, stdio: "ignore" });
    child.on("error", () => warn(`[serve] Could not open a browser (${command} is missing); open ${url} yourself.`));
    child.unref();
  } catch {
    warn(`[serve] Could not open a browser; open ${url} yourself.`);
  }
}
