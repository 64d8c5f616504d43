import type { ErrorDefinition } from "../error-definition.js";

/** Errors of `plinth serve`: listening, watching, and builds that stop unexpectedly while serving. */
export const serveErrors = {
  ServePortInUse: {
    title: "The port is already in use",
    hint: "Stop the other server on that port, pick another one with `--port 8081`, or use `--port 0` for any free port.",
  },
  ServePortInvalid: {
    title: "Invalid port",
    hint: "Give `--port` a whole number from 0 to 65535; 0 picks a free port.",
  },
  ServeListenFailed: {
    title: "The dev server could not listen",
    hint: "Check the `--host` address (it must belong to this machine, e.g. 127.0.0.1) and that you may use the port; ports below 1024 need privileges.",
  },
  ServeWatchFailed: {
    title: "Watching the site's files failed",
    hint: "On Linux, raise the inotify limit (`sysctl fs.inotify.max_user_watches=524288`) or watch fewer folders; pages are still served.",
  },
  ServeBuildCrashed: {
    title: "The build stopped with an unexpected error",
    hint: "This looks like a bug in Plinth or in a plugin: the stack trace is in the terminal. Please report it with the steps to reproduce.",
  },
  ServeOnRequestResult: {
    title: "An onRequest function returned something the server cannot send",
    hint: "Return a string (the body), an object like `{ status: 200, headers: { \"Content-Type\": \"text/plain\" }, body: \"…\" }`, a `Response`, or nothing to let the site answer.",
  },
} as const satisfies Record<string, ErrorDefinition>;
