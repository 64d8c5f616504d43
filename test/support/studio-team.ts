// A studio with accounts for the team tests: a copy of the example site (test/support/studio-site.ts)
// with users added to its state folder, and clients that log in through the API the way a
// browser does (session cookie, X-CSRF-Token, the studio's Origin).
import { stateDir } from "../../src/studio/auth/state-dir.js";
import { UsersStore } from "../../src/studio/auth/users-store.js";
import type { Role, StudioUser } from "../../src/studio/auth/roles.js";
import { startStudioSite, type ApiAnswer, type StudioSite, type StudioSiteOptions } from "./studio-site.js";

/** scrypt's cost for test accounts: cheap, the verification reads it from the hash. */
export const TEST_COST = 1 << 10;

export const PASSWORD = "a long test passphrase";

export interface TeamClient {
  user: StudioUser;
  cookie: string;
  csrf: string;
  /** A request as this user's browser makes it: the cookie, the CSRF token on changes, the studio's Origin. */
  api<T = Record<string, unknown>>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
}

export interface TeamSite extends StudioSite {
  users: UsersStore;
  /** Logs in through POST /api/login; throws unless it answers 200. */
  login(name: string, password?: string): Promise<TeamClient>;
  /** Log lines the studio printed. */
  logs: string[];
}

export async function addUsers(dir: string, users: { name: string; role: Role; email?: string }[]): Promise<UsersStore> {
  const store = new UsersStore(stateDir({ cwd: dir }), { cost: TEST_COST });
  for (const user of users) await store.add(user, PASSWORD);
  return store;
}

export const ONE_OF_EACH: { name: string; role: Role }[] = [
  { name: "wanda", role: "writer" },
  { name: "ed", role: "editor" },
  { name: "mo", role: "members" },
  { name: "ada", role: "admin" },
];

export async function startTeamSite(users = ONE_OF_EACH, options: StudioSiteOptions = {}): Promise<TeamSite> {
  const logs: string[] = [];
  const site = await startStudioSite({ passwordCost: TEST_COST, log: (line) => logs.push(line), logError: (text) => logs.push(text), ...options });
  // Accounts added while the studio runs switch it to team mode at once.
  const usersStore = await addUsers(site.dir, users);
  return {
    ...site,
    users: usersStore,
    logs,
    async login(name, password = PASSWORD) {
      const res = await fetch(`${site.origin}/api/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: site.origin },
        body: JSON.stringify({ name, password }),
      });
      const body = (await res.json()) as { csrfToken: string; user: StudioUser };
      if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${JSON.stringify(body)}`);
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
      const csrf = body.csrfToken;
      return {
        user: body.user,
        cookie,
        csrf,
        async api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
          const all: Record<string, string> = { cookie, origin: site.origin, ...headers };
          if (method !== "GET" && method !== "HEAD" && !("x-csrf-token" in headers)) all["x-csrf-token"] = csrf;
          if (body !== undefined) all["content-type"] = "application/json";
          const response = await fetch(`${site.origin}${url}`, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" });
          const text = await response.text();
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            // Not JSON: the text itself.
          }
          return { status: response.status, json: json as T, text, headers: response.headers };
        },
      };
    },
  };
}
