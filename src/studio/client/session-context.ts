// Who is using the app, for the parts that show it (the user menu): set by the auth gate.

import { createContext } from "preact";
import type { Me } from "./auth-api.js";

export interface SessionValue {
  me: Me;
  logout(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);
