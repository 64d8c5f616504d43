// The admin's users: who has an account and which role, add one (the answer is the one-time
// link to send them), change someone's role (their sessions end, so it counts at once), send
// someone a new link, remove an account.

import { useEffect, useState } from "preact/hooks";
import { ApiError } from "./api.js";
import { authApi, ROLES, type ListedUser, type Role } from "./auth-api.js";

function message(error: unknown): string {
  return error instanceof ApiError ? `${error.message}${error.hint ? ` ${error.hint}` : ""}` : String(error);
}

export function UsersDialog(props: { self: string; onClose(): void }) {
  const [users, setUsers] = useState<ListedUser[]>([]);
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("writer");
  const [email, setEmail] = useState("");
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");

  /** Counts the loads: a refused role change redraws the select, which still shows the refused choice. */
  const [loads, setLoads] = useState(0);
  const load = () =>
    authApi.users().then(
      (answer) => {
        setUsers(answer.users);
        setLoads((n) => n + 1);
      },
      (failure: unknown) => setError(message(failure)),
    );
  useEffect(() => {
    void load();
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setError("");
    try {
      const answer = await authApi.addUser({ name: name.trim(), role, email: email.trim() || undefined });
      setLink({ name: answer.user.name, url: answer.link });
      setName("");
      setEmail("");
      await load();
    } catch (failure) {
      setError(message(failure));
    }
  };
  const reset = async (who: string) => {
    try {
      setLink({ name: who, url: (await authApi.resetUser(who)).link });
      await load();
    } catch (failure) {
      setError(message(failure));
    }
  };
  const changeRole = async (who: string, to: Role) => {
    setError("");
    setDone("");
    try {
      await authApi.setRole(who, to);
      setDone(`${who} is now ${to}. Their sessions have ended: they log in again with the new role.`);
    } catch (failure) {
      setError(message(failure));
    }
    // Also after a refusal (the last admin): the select shows the role the account has.
    await load();
  };
  const remove = async (who: string) => {
    if (!confirm(`Remove ${who}'s account? Their sessions end at once.`)) return;
    try {
      await authApi.removeUser(who);
      await load();
    } catch (failure) {
      setError(message(failure));
    }
  };

  return (
    <div class="users-dialog" role="dialog" aria-modal="true" aria-labelledby="users-title">
      <div class="users-card">
        <header class="users-head">
          <h2 id="users-title">Users</h2>
          <button type="button" onClick={props.onClose} aria-label="Close users">
            ×
          </button>
        </header>
        <table class="users-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Email</th>
              <th scope="col">Password</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.name}>
                <td>{u.name}</td>
                <td>
                  <select key={loads} aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void changeRole(u.name, e.currentTarget.value as Role)}>
                    {ROLES.map((r) => (
                      <option key={r.role} value={r.role}>
                        {r.role}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.email ?? ""}</td>
                <td>{u.passwordSet ? "set" : "not set yet"}</td>
                <td class="users-actions">
                  <button type="button" onClick={() => void reset(u.name)}>
                    New link
                  </button>
                  {u.name !== props.self && (
                    <button type="button" class="danger" onClick={() => void remove(u.name)}>
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form class="users-add" onSubmit={add}>
          <h3>Add a user</h3>
          <label>
            Name
            <input type="text" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {ROLES.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Email (optional, for their commits)
            <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">
            Add user
          </button>
        </form>
        {link && (
          <div class="users-link" role="status">
            <label>
              Send {link.name} this one-time link to set a password (it works for 48 hours)
              <input type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            </label>
          </div>
        )}
        {done && (
          <p role="status" class="users-done">
            {done}
          </p>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
