// The signed-in user's name and role in the header, with "Users…" for admins and "Log out".
// Nothing in the single-user token mode.

import { useContext, useState } from "preact/hooks";
import { may } from "./permissions.js";
import { SessionContext } from "./session-context.js";
import { UsersDialog } from "./users-dialog.js";

export function UserMenu() {
  const session = useContext(SessionContext);
  const [open, setOpen] = useState(false);
  const [users, setUsers] = useState(false);
  if (!session?.me.team) return null;
  const { user } = session.me;
  return (
    <div class="user-menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {user.name} <span class="user-role">{user.role}</span>
      </button>
      {open && (
        <ul role="menu" class="user-menu-items">
          {may(session.me.permissions ?? null, "users.manage") && (
            <li role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  setUsers(true);
                }}
              >
                Users…
              </button>
            </li>
          )}
          <li role="none">
            <button type="button" role="menuitem" onClick={() => session.logout()}>
              Log out
            </button>
          </li>
        </ul>
      )}
      {users && <UsersDialog self={user.name} onClose={() => setUsers(false)} />}
    </div>
  );
}
