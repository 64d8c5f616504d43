import type { ErrorDefinition } from "../error-definition.js";

/** Errors of `plinth studio`: its API's answers (each also has an HTTP status, see src/studio/server/http-error.ts). */
export const studioErrors = {
  StudioUnauthorized: {
    title: "The studio needs its access token",
    hint: "Open the URL `plinth studio` printed in the terminal (it ends in `?token=…`), or send `Authorization: Bearer TOKEN`; PLINTH_STUDIO_TOKEN sets the token.",
  },
  StudioForbiddenOrigin: {
    title: "A request from another site was refused",
    hint: "Changes are accepted only from the studio's own pages. Scripts should send `Authorization: Bearer TOKEN` and no foreign Origin header.",
  },
  StudioBadHost: {
    title: "The request named another host",
    hint: "Open the studio at the address printed in the terminal (127.0.0.1 or localhost); other host names are refused to stop DNS rebinding.",
  },
  StudioPathUnsafe: {
    title: "The path is outside the site",
    hint: "Give a path relative to the input folder, with `/` between folders and no `..`, `%`-escapes, absolute paths or links that lead out of the folder.",
  },
  StudioNotFound: {
    title: "Not found",
    hint: "Check the path; `GET /api/entries` lists the entries the studio knows.",
  },
  StudioBadRequest: {
    title: "The request is not valid",
    hint: "See docs/studio.md for the parameters and JSON body each API route takes.",
  },
  StudioMethodNotAllowed: {
    title: "Method not allowed",
    hint: "See docs/studio.md for the methods each API route accepts.",
  },
  StudioConflict: {
    title: "The file changed since it was opened",
    hint: "Someone (another tab, an editor, a git pull) changed it meanwhile: compare the current text in `current.raw` with yours, merge, and save again with `current.revision` as `baseRevision`.",
  },
  StudioExists: {
    title: "A file with that name already exists",
    hint: "Choose another title or path; the studio never overwrites a file when creating one.",
  },
  StudioFrontMatterInvalid: {
    title: "The front matter is not valid YAML",
    hint: "Fix the YAML between the `---` lines (the line and column point at the problem), or edit the field in the form.",
  },
  StudioGitFailed: {
    title: "Committing to git failed",
    hint: "The file is saved; the commit was not made. Run `git status` in the site's folder to see why (a lock file, a hook that failed, no user name).",
  },
  StudioPortInvalid: {
    title: "Invalid port",
    hint: "Give `--port` a whole number from 0 to 65535; 0 picks a free port.",
  },
  StudioForbidden: {
    title: "Your role does not allow this",
    hint: "An admin can change your role in the studio's Users dialog or with `plinth studio users role NAME --role ROLE`; see docs/studio.md, \"Accounts and roles\", for what each role may do.",
  },
  StudioLoginNeeded: {
    title: "Log in first",
    hint: "This studio has accounts: log in on its start page, or from a script `POST /api/login` with `{ name, password }` and send the cookie and the `X-CSRF-Token` it answers. Ask an admin for an account (`plinth studio users add`).",
  },
  StudioLoginFailed: {
    title: "The name or the password is wrong",
    hint: "Check both and try again. An admin can send you a new set-password link with `plinth studio users reset NAME`.",
  },
  StudioLocked: {
    title: "Too many failed logins",
    hint: "The account is locked for a while after repeated wrong passwords; wait and try again, or ask an admin for `plinth studio users reset NAME`.",
  },
  StudioCsrf: {
    title: "The request lacks its CSRF token",
    hint: "Every change must send the `csrfToken` that `POST /api/login` answered (and `GET /api/me` repeats) as an `X-CSRF-Token` header. Reload the studio if your session expired.",
  },
  StudioNeedsAccounts: {
    title: "The studio would be reachable from the network without accounts",
    hint: "Create an admin first with `plinth studio users add NAME --role admin`, or leave `--host` at its default 127.0.0.1 (put a TLS reverse proxy in front, see docs/studio.md).",
  },
  StudioUserExists: {
    title: "That user already exists",
    hint: "Choose another name, `plinth studio users reset NAME` for a new password, or `plinth studio users remove NAME` first.",
  },
  StudioUserUnknown: {
    title: "There is no such user",
    hint: "`plinth studio users list` shows the accounts.",
  },
  StudioUserInvalid: {
    title: "The account's details are not valid",
    hint: "A name is 1-64 letters, digits, `.`, `_` or `-`; the role is writer, editor, members or admin; a password has at least 10 characters.",
  },
  StudioLastAdmin: {
    title: "The last admin cannot be demoted or removed",
    hint: "Make another user an admin first (`plinth studio users role NAME --role admin`, or the Users dialog), then change or remove this one.",
  },
  StudioUsersFileInvalid: {
    title: "The studio's users file cannot be read",
    hint: "It is .plinth-studio/users.json beside the site's config; restore it from a backup or remove it to start without accounts.",
  },
  StudioInternal: {
    title: "The studio hit an unexpected error",
    hint: "This looks like a bug in Plinth: the stack trace is in the terminal. Please report it with the steps to reproduce.",
  },
} as const satisfies Record<string, ErrorDefinition>;
