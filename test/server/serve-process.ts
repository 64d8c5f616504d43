/**
 * Runs `plinth serve` as a real process on a copy of the fixture site, for the end-to-end and
 * browser tests: start it on a free port, read the URL it prints, follow its event stream,
 * and stop it. Every wait has a generous limit so a broken server fails the test, never hangs it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LiveMessage } from "../../src/server/live-reload-client.js";

/** dist/test/server/ -> repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const fixture = path.join(repoRoot, "test", "server", "fixture-site");

export const WAIT_MS = 20_000;

/** A fresh copy of the fixture site in a temporary folder. */
export function copyFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-serve-"));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Polls `check` until it returns a value, or fails with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export class ServeProcess {
  stdout = "";
  stderr = "";
  exitCode: number | null = null;
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.setEncoding("utf8").on("data", (text: string) => (this.stdout += text));
    child.stderr!.setEncoding("utf8").on("data", (text: string) => (this.stderr += text));
    // "close" rather than "exit": it comes after the last output has been read.
    this.exited = new Promise((resolve) => child.on("close", (code) => resolve((this.exitCode = code))));
  }

  /** Starts `plinth serve` in `cwd` with `args` (a port should be among them). */
  static spawn(cwd: string, args: string[]): ServeProcess {
    const child = spawn(process.execPath, [path.join(repoRoot, "bin", "plinth.js"), "serve", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    return new ServeProcess(child);
  }

  /** Starts on a free port and resolves with the printed URL. */
  static async start(cwd: string, args: string[] = []): Promise<{ serve: ServeProcess; url: string }> {
    const serve = ServeProcess.spawn(cwd, ["--port", "0", ...args]);
    const url = await waitFor("the server's URL", () => {
      if (serve.exitCode !== null) throw new Error(`plinth serve exited with ${serve.exitCode}:\n${serve.stderr}`);
      return /at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(serve.stdout)?.[1];
    });
    return { serve, url };
  }

  /** Resolves with the exit code once the process has ended. */
  whenExited(): Promise<number | null> {
    return this.exited;
  }

  async stop(): Promise<void> {
    if (this.exitCode === null) this.child.kill("SIGTERM");
    await this.exited;
  }
}

/** Reads the server's Server-Sent Events, one parsed message at a time. */
export class EventReader {
  private readonly messages: LiveMessage[] = [];
  private buffer = "";

  private constructor(private readonly response: IncomingMessage) {
    response.setEncoding("utf8").on("data", (text: string) => {
      this.buffer += text;
      let end: number;
      while ((end = this.buffer.indexOf("\n\n")) !== -1) {
        const frame = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const data = frame
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        if (data) this.messages.push(JSON.parse(data) as LiveMessage);
      }
    });
  }

  static open(url: string): Promise<EventReader> {
    return new Promise((resolve, reject) => {
      get(url, (res) => resolve(new EventReader(res))).on("error", reject);
    });
  }

  /** The next message that `match` accepts; messages before it are dropped. */
  async next<T extends LiveMessage>(what: string, match: (message: LiveMessage) => message is T): Promise<T>;
  async next(what: string, match: (message: LiveMessage) => boolean): Promise<LiveMessage>;
  async next(what: string, match: (message: LiveMessage) => boolean): Promise<LiveMessage> {
    return waitFor(what, () => {
      while (this.messages.length) {
        const message = this.messages.shift()!;
        if (match(message)) return message;
      }
      return undefined;
    });
  }

  close(): void {
    this.response.destroy();
  }
}

export async function fetchText(url: string): Promise<{ status: number; type: string | null; body: string; location: string | null }> {
  const res = await fetch(url, { redirect: "manual" });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text(), location: res.headers.get("location") };
}
