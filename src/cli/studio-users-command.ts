/**
 * `plinth studio users add|list|remove|reset|role`: the studio's accounts, kept in the state folder
 * `.plinth-studio/` of the working folder. `add` and `reset` print a one-time link to set the
 * password (the password never passes through the terminal), or read it from standard input
 * with `--password-stdin` for scripts.
 *
 * @example
 * plinth studio users add ana --role editor --email ana@example.org
 * printf '%s' "$PASSWORD" | plinth studio users add ci --role writer --password-stdin
 * plinth studio users role ana --role admin
 */
import { parseArgs } from "node:util";
import { PlinthError } from "../errors/plinth-error.js";
import { stateDir } from "../studio/auth/state-dir.js";
import { UsersStore } from "../studio/auth/users-store.js";
import { isRole, type Role } from "../studio/auth/roles.js";
import type { CliIo } from "./main.js";
import { reportError } from "./report-error.js";

const HELP = `Usage:
  plinth studio users add NAME --role writer|editor|members|admin [--email E] [--password-stdin]
  plinth studio users list
  plinth studio users remove NAME
  plinth studio users reset NAME [--password-stdin]
  plinth studio users role NAME --role writer|editor|members|admin

add and reset print a one-time link to set the password (valid 48 hours); --url names the
studio's address in it (default http://127.0.0.1:8081/). Accounts live in .plinth-studio/.
Once one exists, the studio asks everyone to log in and its access token no longer works.
role ends the user's sessions (they log in again with the new role); the last admin stays one.
`;

const spec = {
  role: { type: "string" },
  email: { type: "string" },
  "password-stdin": { type: "boolean" },
  url: { type: "string" },
  help: { type: "boolean" },
} as const;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** The password a script piped in, without the final newline `echo` adds. */
function stdinPassword(text: string): string {
  return text.replace(/\r?\n$/, "");
}

export function setPasswordLink(base: string, token: string): string {
  return `${base.endsWith("/") ? base : `${base}/`}#set-password=${token}`;
}

export async function runStudioUsersCommand(argv: string[], io: CliIo, stdin: () => Promise<string> = () => readAll(process.stdin)): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    } catch (cause) {
      throw new PlinthError("CliUsage", (cause as Error).message, { cause });
    }
    const [verb, name, ...extra] = parsed.positionals;
    const flags = parsed.values;
    if (flags.help || !verb) {
      io.stdout(HELP);
      return 0;
    }
    if (extra.length) throw new PlinthError("CliUsage", `Unexpected ${JSON.stringify(extra[0])}: give one user name.`);
    const users = new UsersStore(stateDir({ cwd: io.cwd }));
    const password = flags["password-stdin"] ? stdinPassword(await stdin()) : undefined;
    const base = flags.url ?? "http://127.0.0.1:8081/";
    const needName = () => {
      if (!name) throw new PlinthError("CliUsage", `plinth studio users ${verb} needs a user name.`);
      return name;
    };
    if (verb === "list") {
      const all = users.list();
      if (!all.length) io.stdout("No accounts: the studio runs in single-user mode with its access token.\n");
      for (const u of all) {
        const state = u.password ? "" : u.setPassword ? "  (password not set yet)" : "  (no password)";
        io.stdout(`${u.name.padEnd(20)} ${u.role.padEnd(8)} ${u.email ?? ""}${state}\n`);
      }
      return 0;
    }
    const needRole = (): Role => {
      if (!flags.role) throw new PlinthError("CliUsage", `plinth studio users ${verb} needs --role writer, editor, members or admin.`);
      if (!isRole(flags.role)) throw new PlinthError("StudioUserInvalid", `${JSON.stringify(flags.role)} is not a role: writer, editor, members or admin.`);
      return flags.role;
    };
    if (verb === "add") {
      const user = needName();
      const { token } = await users.add({ name: user, role: needRole(), email: flags.email }, password);
      io.stdout(`[studio] Added ${user} (${flags.role}).\n`);
      if (token) io.stdout(`[studio] Send ${user} this one-time link to set the password (valid 48 hours):\n${setPasswordLink(base, token)}\n`);
      return 0;
    }
    if (verb === "remove") {
      const user = needName();
      users.remove(user);
      io.stdout(`[studio] Removed ${user}; their sessions end with their next request.\n`);
      return 0;
    }
    if (verb === "reset") {
      const user = needName();
      const { token } = await users.reset(user, password);
      io.stdout(`[studio] Reset ${user}'s password.\n`);
      if (token) io.stdout(`[studio] Send ${user} this one-time link to set a new password (valid 48 hours):\n${setPasswordLink(base, token)}\n`);
      return 0;
    }
    if (verb === "role") {
      const user = needName();
      const role = needRole();
      users.setRole(user, role);
      io.stdout(`[studio] ${user} is now ${role}; their sessions end with their next request, and they log in again.\n`);
      return 0;
    }
    throw new PlinthError("CliUsage", `Unknown command "plinth studio users ${verb}": use add, list, remove, reset or role.`);
  } catch (error) {
    reportError(error, io.stderr);
    return 1;
  }
}
