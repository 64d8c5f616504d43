// The page a one-time set-password link opens: the new password twice.

import { useState } from "preact/hooks";
import { ApiError } from "./api.js";
import { authApi } from "./auth-api.js";

const MIN = 10;

export function SetPasswordPage(props: { token: string; onDone(name: string): void }) {
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (password.length < MIN) return setError(`Choose at least ${MIN} characters.`);
    if (password !== again) return setError("The two passwords differ.");
    setBusy(true);
    setError("");
    try {
      const { user } = await authApi.setPassword(props.token, password);
      props.onDone(user.name);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="auth-page">
      <form class="auth-card" onSubmit={submit}>
        <h1>Choose your password</h1>
        <p class="hint">At least {MIN} characters; a few words make a good one. This link works once.</p>
        <label>
          New password
          <input type="password" autocomplete="new-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label>
          Repeat the password
          <input type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button class="primary" type="submit" disabled={busy}>
          Set password
        </button>
      </form>
    </main>
  );
}
