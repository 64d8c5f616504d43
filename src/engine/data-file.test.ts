// One data file (https://www.11ty.dev/docs/data-global/ and /docs/data-js/): JSON, or JavaScript
// exporting a value, a function or an async function (called with Eleventy's data), or a
// format added with `addDataExtension`. Broken files are catalogued errors with a location.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataExtension } from "../config/user-config.js";
import { PlinthError } from "../errors/plinth-error.js";
import { dataExtensionOf, loadDataFile, type DataFileContext } from "./data-file.js";

let version = 0;

function context(dataExtensions = new Map<string, DataExtension>()): DataFileContext {
  return { dataExtensions, functionArgument: { eleventy: { env: { runMode: "build" } } }, importVersion: ++version, displayPath: (abs) => `./_data/${path.basename(abs)}` };
}

async function withFile(name: string, text: string, run: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-data-file-"));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    await run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function failure(file: string, ctx = context()): Promise<PlinthError> {
  try {
    await loadDataFile(file, ctx);
  } catch (error) {
    assert.ok(error instanceof PlinthError, `expected a PlinthError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${file} loaded without an error`);
}

test("dataExtensionOf: json and JavaScript are built in; others only when added", () => {
  const custom = new Map<string, DataExtension>([["yaml", { parser: () => ({}), read: true, encoding: "utf8" }]]);
  assert.equal(dataExtensionOf("/x/site.json", custom), "json");
  assert.equal(dataExtensionOf("/x/site.js", custom), "js");
  assert.equal(dataExtensionOf("/x/site.cjs", custom), "cjs");
  assert.equal(dataExtensionOf("/x/site.mjs", custom), "mjs");
  assert.equal(dataExtensionOf("/x/site.yaml", custom), "yaml");
  assert.equal(dataExtensionOf("/x/site.toml", custom), undefined);
});

test("a JSON file gives its value", async () => {
  await withFile("site.json", '{ "title": "Foundation", "tiers": ["gold", "silver"] }', async (file) => {
    assert.deepEqual(await loadDataFile(file, context()), { title: "Foundation", tiers: ["gold", "silver"] });
  });
});

test("an empty JSON file gives no data rather than an error", async () => {
  await withFile("empty.json", "  \n", async (file) => {
    assert.equal(await loadDataFile(file, context()), undefined);
  });
});

test("invalid JSON is a DataFileInvalid error at the line and column of the fault, with a frame", async () => {
  await withFile("site.json", '{\n  "title": "x",\n}\n', async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.deepEqual(error.location, { file: "./_data/site.json", line: 3, column: 1 });
    assert.match(error.frame ?? "", /^> 3 \| }$/m);
  });
});

test("invalid JSON whose parser message names no position is still located", async () => {
  await withFile("site.json", '{\n  "ok": true,\n  "bad": tru\n}\n', async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.equal(error.location?.line, 3);
    assert.ok((error.location?.column ?? 0) >= 10, `column ${error.location?.column}`);
  });
});

test("JSON cut short is located at its last character", async () => {
  await withFile("site.json", '{\n  "title": "x",\n  "list": [1, 2\n', async (file) => {
    const error = await failure(file);
    assert.equal(error.location?.line, 3);
  });
});

test("a JavaScript file's default export value is the data", async () => {
  await withFile("site.mjs", "export default { title: 'From JS' };\n", async (file) => {
    assert.deepEqual(await loadDataFile(file, context()), { title: "From JS" });
  });
});

test("a CommonJS file's module.exports is the data", async () => {
  await withFile("site.cjs", "module.exports = { n: 42 };\n", async (file) => {
    assert.deepEqual(await loadDataFile(file, context()), { n: 42 });
  });
});

test("an exported function is called with Eleventy's data; an async one is awaited", async () => {
  await withFile("env.mjs", "export default (data) => ({ mode: data.eleventy.env.runMode });\n", async (file) => {
    assert.deepEqual(await loadDataFile(file, context()), { mode: "build" });
  });
  await withFile("later.mjs", "export default async () => { await new Promise((r) => setTimeout(r, 1)); return [1, 2]; };\n", async (file) => {
    assert.deepEqual(await loadDataFile(file, context()), [1, 2]);
  });
});

test("a JavaScript file that fails to load is a DataFileInvalid error naming the file", async () => {
  await withFile("broken.mjs", "export default {\n", async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.equal(error.location?.file, "./_data/broken.mjs");
  });
});

test("an exported function that throws is a DataFileInvalid error with the thrown message", async () => {
  await withFile("fails.mjs", "export default () => { throw new Error('API down'); };\n", async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.match(error.message, /API down/);
    assert.ok(error.cause instanceof Error);
  });
});

test("a custom data extension's parser gets the text (or the path when read: false)", async () => {
  const ext = new Map<string, DataExtension>([
    ["txt", { parser: (text: unknown) => ({ upper: String(text).toUpperCase() }), read: true, encoding: "utf8" }],
    ["bin", { parser: (file: unknown) => ({ name: path.basename(String(file)) }), read: false, encoding: "utf8" }],
  ]);
  await withFile("a.txt", "hello", async (file) => {
    assert.deepEqual(await loadDataFile(file, context(ext)), { upper: "HELLO" });
  });
  await withFile("b.bin", "ignored", async (file) => {
    assert.deepEqual(await loadDataFile(file, context(ext)), { name: "b.bin" });
  });
});

test("a custom parser's error with a js-yaml style mark is located on that line", async () => {
  const thrower = (): never => {
    throw Object.assign(new Error("bad indentation"), { mark: { line: 1, column: 4 } });
  };
  const ext = new Map<string, DataExtension>([["yaml", { parser: thrower, read: true, encoding: "utf8" }]]);
  await withFile("site.yaml", "a: 1\n  b: 2\n", async (file) => {
    const error = await failure(file, context(ext));
    assert.equal(error.code, "DataFileInvalid");
    assert.deepEqual(error.location, { file: "./_data/site.yaml", line: 2, column: 5 });
    assert.ok(error.frame);
  });
});

test("a missing file is a FileUnreadable error", async () => {
  const error = await failure(path.join(os.tmpdir(), "plinth-no-such-dir", "gone.json"));
  assert.equal(error.code, "FileUnreadable");
});

test("a CommonJS data file with a syntax error is located at the line and column Node reports", async () => {
  await withFile("broken.cjs", "module.exports = {\n  a: 1,\n  b: ,\n};\n", async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.deepEqual(error.location, { file: "./_data/broken.cjs", line: 3, column: 6 });
    assert.match(error.frame ?? "", /^> 3 \| {3}b: ,$/m);
  });
});

test("data that contains itself is a DataFileInvalid error naming where, not a stack overflow later", async () => {
  await withFile("loop.mjs", "const site = { name: 'x', nav: { items: [] } }; site.nav.items.push(site); export default site;\n", async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.match(error.message, /nav\.items\[0\]/);
  });
});

test("a getter that throws in exported data is a DataFileInvalid error with the getter's message", async () => {
  await withFile("getter.mjs", "export default { ok: 1, deep: { get broken() { throw new Error('getter threw'); } } };\n", async (file) => {
    const error = await failure(file);
    assert.equal(error.code, "DataFileInvalid");
    assert.match(error.message, /deep\.broken/);
    assert.match(error.message, /getter threw/);
  });
});

test("the same object used twice (not a cycle) is fine", async () => {
  await withFile("shared.mjs", "const tier = { name: 'gold' }; export default { a: tier, b: tier, list: [tier, tier] };\n", async (file) => {
    const value = (await loadDataFile(file, context())) as Record<string, unknown>;
    assert.equal(value.a, value.b);
  });
});

test("a function's result is checked too", async () => {
  await withFile("fn-loop.mjs", "export default async () => { const a = []; a.push(a); return { a }; };\n", async (file) => {
    assert.equal((await failure(file)).code, "DataFileInvalid");
  });
});
