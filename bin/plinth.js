#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ so plain `node` runs it with no TypeScript loader.
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
