// The code frame printed under an error: a few lines around the one at fault, numbered,
// the line marked with `>`, and a caret under the column when it is known.
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeFrame } from "./code-frame.js";

const source = ["line one", "line two", "line three", "line four", "line five", "line six"].join("\n");

test("two lines of context on each side, the line at fault marked with `>`", () => {
  assert.equal(codeFrame(source, 3), ["  1 | line one", "  2 | line two", "> 3 | line three", "  4 | line four", "  5 | line five"].join("\n"));
});

test("a caret under the 1-based column", () => {
  const frame = codeFrame("title: x\nbad: [\nend", 2, 6);
  assert.equal(frame, ["  1 | title: x", "> 2 | bad: [", "    |      ^", "  3 | end"].join("\n"));
});

test("the context stops at the start and the end of the file", () => {
  assert.equal(codeFrame(source, 1), ["> 1 | line one", "  2 | line two", "  3 | line three"].join("\n"));
  assert.equal(codeFrame(source, 6), ["  4 | line four", "  5 | line five", "> 6 | line six"].join("\n"));
});

test("line numbers are right-aligned when they change width", () => {
  const long = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join("\n");
  assert.equal(codeFrame(long, 10), ["   8 | l8", "   9 | l9", "> 10 | l10", "  11 | l11", "  12 | l12"].join("\n"));
});

test("the context size can be chosen", () => {
  assert.equal(codeFrame(source, 3, undefined, 0), "> 3 | line three");
});

test("CRLF line endings do not leave carriage returns in the frame", () => {
  const frame = codeFrame("a\r\nb\r\nc\r\n", 2);
  assert.equal(frame.includes("\r"), false);
  assert.match(frame, /^> 2 \| b$/m);
});

test("a line outside the file gives no frame rather than a wrong one", () => {
  assert.equal(codeFrame(source, 0), "");
  assert.equal(codeFrame(source, 99), "");
  assert.equal(codeFrame(source, -1), "");
});

test("column 0 or no column: no caret line", () => {
  assert.equal(codeFrame("abc", 1, 0), "> 1 | abc");
  assert.equal(codeFrame("abc", 1), "> 1 | abc");
});

test("tabs before the column are kept in the caret line, so the caret stays under the right character", () => {
  const frame = codeFrame("\tkey: [", 1, 7);
  assert.equal(frame, ["> 1 | \tkey: [", "    | \t     ^"].join("\n"));
});
