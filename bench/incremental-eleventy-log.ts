// Reads the lines Eleventy 3 prints in `--watch --quiet` mode, which are the only signal
// from outside the process of where a rebuild starts and ends. Its forced log lines:
//
//   [11ty] Wrote 1065 files in 17.92 seconds (16.8ms each, v3.1.8)
//   [11ty] Watching…
//   [11ty] File changed: ./news/basalt-1-10-released.md
//   [11ty] Copied 3 Wrote 63 files (skipped 1002) in 3.14 seconds (49.8ms each, v3.1.8)

export type EleventyLogLine =
  | { kind: "watching" }
  | { kind: "changed"; path: string }
  | { kind: "wrote"; written: number; skipped: number; copied: number; seconds: number };

/** Colour codes, in case a terminal setting makes Eleventy's colour library emit them. */
const ANSI = /\u001b\[[0-9;]*m/g;

const WROTE =
  /^(?:Copied (?<copied>\d+) )?Wrote (?<written>\d+) files?(?: \(skipped (?<skipped>\d+)\))? in (?<seconds>\d+(?:\.\d+)?) seconds?\b/;

/** Without a leading `./`, so Eleventy's paths compare equal to the benchmark's relative ones. */
export function normaliseLoggedPath(text: string): string {
  return text.trim().replace(/^\.\//, "");
}

/** The meaning of one line of Eleventy's output, or undefined for any other line. */
export function parseEleventyLine(raw: string): EleventyLogLine | undefined {
  const line = raw.replace(ANSI, "").trim();
  if (!line.startsWith("[11ty] ")) return undefined;
  const message = line.slice("[11ty] ".length);
  if (message === "Watching…" || message === "Watching...") return { kind: "watching" };
  if (message.startsWith("File changed: ")) return { kind: "changed", path: normaliseLoggedPath(message.slice("File changed: ".length)) };
  const wrote = WROTE.exec(message)?.groups;
  if (wrote) {
    return {
      kind: "wrote",
      written: Number(wrote.written),
      skipped: Number(wrote.skipped ?? 0),
      copied: Number(wrote.copied ?? 0),
      seconds: Number(wrote.seconds),
    };
  }
  return undefined;
}
