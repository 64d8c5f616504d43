// The login page of a studio with accounts: name and password, the server's message when
// they are wrong or the account is locked for a while.

import { useState } from "preact/hooks";
import { ApiError } from "./api.js";
import { authApi, type User } from "./auth-api.js";
import type { Permissions } from "./permissions.js";

export function LoginPage(props: { name?: string; message?: string; onLogin(user: User, csrfToken: string, permissions: Permissions): void }) {
  const [name, setName] = useState(props.name ?? "");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      const answer = await authApi.login(name.trim(), password);
      props.onLogin(answer.user, answer.csrfToken, answer.permissions);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="auth-page">
      <form class="auth-card" onSubmit={submit}>
        <h1>Plinth Studio</h1>
        <p class="hint">Log in to edit the site.</p>
        {props.message && !error && <p role="status">{props.message}</p>}
        <label>
          Name
          <input type="text" name="username" autocomplete="username" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button class="primary" type="submit" disabled={busy}>
          Log in
        </button>
        <p class="hint">No password yet, or forgot it? Ask an admin for a set-password link.</p>
      </form>
    </main>
  );
}
