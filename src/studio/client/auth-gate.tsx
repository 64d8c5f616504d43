// In front of the app: with accounts, the login page until someone logs in, and the
// set-password page a one-time link (#set-password=TOKEN) opens. In the single-user token
// mode the app opens at once, as before.

import { useEffect, useState } from "preact/hooks";
import { ApiError, setSession } from "./api.js";
import { App } from "./app.js";
import { authApi, type Me } from "./auth-api.js";
import { LoginPage } from "./login-page.js";
import { SessionContext } from "./session-context.js";
import { SetPasswordPage } from "./set-password-page.js";
import "./auth.css";

type State =
  | { kind: "loading" }
  | { kind: "login"; message?: string; name?: string }
  | { kind: "set-password"; token: string }
  | { kind: "app"; me: Me | null };

function linkToken(): string | null {
  const match = /^#set-password=([\w-]+)$/.exec(location.hash);
  return match ? match[1]! : null;
}

export function AuthGate() {
  const token = linkToken();
  const [state, setState] = useState<State>(token ? { kind: "set-password", token } : { kind: "loading" });

  const enter = (me: Me) => {
    setSession(me.csrfToken, () => setState({ kind: "login", message: "Your session has ended. Log in again.", name: me.user.name }));
    setState({ kind: "app", me });
  };

  useEffect(() => {
    // A set-password link opened in a tab that already shows the studio changes only the hash.
    const onHash = () => {
      const fresh = linkToken();
      if (fresh) setState({ kind: "set-password", token: fresh });
    };
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    if (state.kind !== "loading") return;
    authApi.me().then(enter, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401 && (error.body as { error?: { code?: string } } | undefined)?.error?.code === "StudioLoginNeeded") setState({ kind: "login" });
      // Token mode without the token: the app says how to open it.
      else setState({ kind: "app", me: null });
    });
  }, [state.kind]);

  if (state.kind === "loading") return <p class="empty">Opening the studio…</p>;
  if (state.kind === "set-password") {
    return (
      <SetPasswordPage
        token={state.token}
        onDone={(name) => {
          history.replaceState(null, "", `${location.pathname}${location.search}`);
          setState({ kind: "login", name, message: "Your password is set. Log in with it." });
        }}
      />
    );
  }
  if (state.kind === "login") {
    return <LoginPage name={state.name} message={state.message} onLogin={(user, csrfToken, permissions) => enter({ user, team: true, csrfToken, permissions })} />;
  }
  if (!state.me) return <App />;
  const logout = () => {
    authApi.logout().finally(() => {
      setSession(null);
      setState({ kind: "login", message: "You are logged out." });
    });
  };
  return (
    <SessionContext.Provider value={{ me: state.me, logout }}>
      <App />
    </SessionContext.Provider>
  );
}
