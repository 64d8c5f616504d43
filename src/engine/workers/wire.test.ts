// A catalogued error crosses threads as its fields and prints the same on the other side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorToJson, formatError } from "../../errors/format-error.js";
import { PlinthError } from "../../errors/plinth-error.js";
import { fromWire, toWire } from "./wire.js";

test("an error made again from its wire form prints as the original: location, code frame, hint, causes", () => {
  const inner = new TypeError("x is undefined");
  const middle = new Error("Template render error", { cause: inner });
  const original = new PlinthError("TemplateRender", "./post.njk failed to render", {
    location: { file: "./post.njk", line: 3, column: 7 },
    source: "---\ntitle: x\n---\n{{ x.y }}\n",
    hint: "A precise hint.",
    cause: middle,
  });
  assert.ok(original.frame);
  // A structured clone, as postMessage makes, of the wire form.
  const copy = fromWire(structuredClone(toWire(original)));
  assert.ok(copy instanceof PlinthError);
  assert.equal(formatError(copy), formatError(original));
  assert.deepEqual(errorToJson(copy), errorToJson(original));
});

test("a thrown string as the cause comes back as the same text", () => {
  const original = new PlinthError("TemplateRender", "failed", { cause: "just a string" });
  const copy = fromWire(structuredClone(toWire(original)));
  assert.equal(copy.cause, "just a string");
  assert.equal(formatError(copy), formatError(original));
});
