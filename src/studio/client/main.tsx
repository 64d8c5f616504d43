// Entry point of the studio's browser app (bundled by scripts/bundle-studio.mjs).
import { render } from "preact";
import { AuthGate } from "./auth-gate.js";
import "./app.css";

render(<AuthGate />, document.getElementById("studio")!);
