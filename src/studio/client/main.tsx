// Entry point of the studio's browser app (bundled by scripts/bundle-studio.mjs).
import { render } from "preact";
import { App } from "./app.js";
import "./app.css";

render(<App />, document.getElementById("studio")!);
