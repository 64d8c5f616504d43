// How a catalogued error reads in a terminal and as JSON: code and title, location, message,
// code frame, hint, and the chain of causes (their messages only: no stack traces).
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorCatalog } from "./catalog.js";
import { errorToJson, formatError } from "./format-error.js";
import { BuildFailure, PlinthError, isPlinthError } from "./plinth-error.js";

const source = "---\ntitle: x\n- item\n---\nbody\n";

function yamlError(): PlinthError {
  return new PlinthError("FrontMatterInvalid", "The YAML front matter could not be parsed: end of the stream or a document separator is expected.", {
    location: { file: "./news/post.md", line: 3, column: 1 },
    source,
    cause: new Error("YAMLException: end of the stream"),
  });
}

test("the first line names the code, the title and file:line:column", () => {
  const text = formatError(yamlError());
  assert.equal(text.split("\n")[0], "[FrontMatterInvalid] Front matter could not be parsed in ./news/post.md:3:1");
});

test("the message, the code frame with its `>` marker, the hint and the cause follow", () => {
  const lines = formatError(yamlError()).split("\n");
  assert.equal(lines[1], "  The YAML front matter could not be parsed: end of the stream or a document separator is expected.");
  assert.ok(lines.includes("  > 3 | - item"), lines.join("\n"));
  assert.ok(lines.includes("      | ^"), lines.join("\n"));
  assert.ok(lines.includes(`  hint: ${errorCatalog.FrontMatterInvalid.hint}`));
  assert.ok(lines.includes("  cause: Error: YAMLException: end of the stream"));
});

test("no stack trace lines, even when the cause has a stack", () => {
  const cause = new TypeError("boom");
  assert.ok(cause.stack?.includes("    at "));
  const text = formatError(new PlinthError("TemplateRender", "./a.njk failed to render: boom", { location: { file: "./a.njk" }, cause }));
  assert.equal(/^\s+at /m.test(text), false, text);
});

test("the location shows only what is known: file, file:line, or nothing", () => {
  assert.match(formatError(new PlinthError("LayoutNotFound", "m", { location: { file: "./a.md" } })), /^\[LayoutNotFound\] Layout not found in \.\/a\.md$/m);
  assert.match(formatError(new PlinthError("LayoutNotFound", "m", { location: { file: "./a.md", line: 4 } })), / in \.\/a\.md:4$/m);
  assert.match(formatError(new PlinthError("InputNotFound", "m")), /^\[InputNotFound\] Input folder not found$/m);
});

test("a column without a line is not shown", () => {
  assert.match(formatError(new PlinthError("TemplateSyntax", "m", { location: { file: "./a.njk", column: 5 } })), / in \.\/a\.njk$/m);
});

test("a hint given for the situation replaces the catalog's", () => {
  const text = formatError(new PlinthError("PermalinkInvalid", "m", { hint: "Did you mean `permalink: false`?" }));
  assert.match(text, /^ {2}hint: Did you mean `permalink: false`\?$/m);
  assert.equal(text.includes(errorCatalog.PermalinkInvalid.hint), false);
});

test("causes are followed to a depth of five, each on its own line", () => {
  let cause: Error = new Error("level 6");
  for (let i = 5; i >= 1; i--) cause = new Error(`level ${i}`, { cause });
  const text = formatError(new PlinthError("TemplateRender", "m", { cause }));
  const causes = text.split("\n").filter((l) => l.startsWith("  cause: "));
  assert.deepEqual(causes, ["  cause: Error: level 1", "  cause: Error: level 2", "  cause: Error: level 3", "  cause: Error: level 4", "  cause: Error: level 5"]);
});

test("a cause that is not an Error is printed as text", () => {
  assert.match(formatError(new PlinthError("TemplateRender", "m", { cause: "plain string" })), /^ {2}cause: plain string$/m);
});

test("without a source there is no frame; without a cause, no cause line", () => {
  const text = formatError(new PlinthError("DuplicateOutput", "./a.md and ./b.md both write ./_site/x/index.html.", { location: { file: "./b.md" } }));
  assert.equal(text.includes(" | "), false);
  assert.equal(text.includes("cause:"), false);
});

test("errorToJson: plain data with code, title, message, hint, location, frame and causes", () => {
  const json = errorToJson(yamlError());
  assert.equal(json.code, "FrontMatterInvalid");
  assert.equal(json.title, errorCatalog.FrontMatterInvalid.title);
  assert.deepEqual(json.location, { file: "./news/post.md", line: 3, column: 1 });
  assert.match(String(json.frame), /^> 3 \| - item$/m);
  assert.deepEqual(json.causes, ["Error: YAMLException: end of the stream"]);
  assert.doesNotThrow(() => JSON.stringify(json));
});

test("errorToJson: missing location and frame are null", () => {
  const json = errorToJson(new PlinthError("InputNotFound", "m"));
  assert.equal(json.location, null);
  assert.equal(json.frame, null);
  assert.deepEqual(json.causes, []);
});

test("PlinthError: code, title and hint come from the catalog; it is an Error", () => {
  const e = new PlinthError("LayoutCycle", "a -> b -> a");
  assert.ok(e instanceof Error);
  assert.ok(isPlinthError(e));
  assert.equal(e.name, "PlinthError");
  assert.equal(e.title, errorCatalog.LayoutCycle.title);
  assert.equal(e.hint, errorCatalog.LayoutCycle.hint);
  assert.equal(isPlinthError(new Error("x")), false);
});

test("PlinthError: a frame is made only when both the source and a line are known", () => {
  assert.equal(new PlinthError("TemplateSyntax", "m", { location: { file: "f" }, source }).frame, undefined);
  assert.equal(new PlinthError("TemplateSyntax", "m", { location: { file: "f", line: 99 }, source }).frame, undefined);
  assert.ok(new PlinthError("TemplateSyntax", "m", { location: { file: "f", line: 2 }, source }).frame);
});

test("BuildFailure: holds every error and says how many", () => {
  const one = new BuildFailure([new PlinthError("InputNotFound", "m")]);
  const two = new BuildFailure([new PlinthError("InputNotFound", "m"), yamlError()]);
  assert.equal(one.message, "1 error in the build");
  assert.equal(two.message, "2 errors in the build");
  assert.equal(two.errors.length, 2);
});

test("every catalogued error has a title and a hint that end in sentence form", () => {
  for (const [code, definition] of Object.entries(errorCatalog)) {
    assert.ok(definition.title.length > 0, `${code} has no title`);
    assert.ok(definition.hint.length > 0, `${code} has no hint`);
    assert.match(code, /^[A-Z][A-Za-z]+$/, `${code} is not a PascalCase name`);
  }
});
