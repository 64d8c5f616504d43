// Liquid shortcode arguments, split the way Eleventy's default ("legacy") parser does
// (https://www.11ty.dev/docs/shortcodes/, Liquid: `{% user firstName, lastName %}` or
// `{% user "Zach" "Leatherman" %}`): strings, numbers and variable paths; spaces, tabs and
// commas only separate.
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitShortcodeArguments } from "./liquid-arguments.js";

test("double-quoted strings, separated by spaces", () => {
  assert.deepEqual(splitShortcodeArguments('"Zach" "Leatherman"'), ['"Zach"', '"Leatherman"']);
});

test("variables separated by a comma", () => {
  assert.deepEqual(splitShortcodeArguments("firstName, lastName"), ["firstName", "lastName"]);
});

test("single quotes, integers, decimals and dotted paths", () => {
  assert.deepEqual(splitShortcodeArguments("'single' 2 3.5 page.url"), ["'single'", "2", "3.5", "page.url"]);
});

test("escaped quotes stay inside their string", () => {
  assert.deepEqual(splitShortcodeArguments('"say \\"hi\\"" \'it\\\'s\''), ['"say \\"hi\\""', "'it\\'s'"]);
});

test("a comma or space inside a string does not split it", () => {
  assert.deepEqual(splitShortcodeArguments('"a, b c" d'), ['"a, b c"', "d"]);
});

test("any mix of commas, spaces and tabs separates", () => {
  assert.deepEqual(splitShortcodeArguments("a,b , c\t d,,e"), ["a", "b", "c", "d", "e"]);
});

test("keywords may hold hyphens and underscores", () => {
  assert.deepEqual(splitShortcodeArguments("my-var under_score item.data.title"), ["my-var", "under_score", "item.data.title"]);
});

test("no arguments, or only separators, give an empty list", () => {
  assert.deepEqual(splitShortcodeArguments(""), []);
  assert.deepEqual(splitShortcodeArguments(" , \t"), []);
});

test("the splitter can be called again and again (no state kept between calls)", () => {
  assert.deepEqual(splitShortcodeArguments('"x" y'), ['"x"', "y"]);
  assert.deepEqual(splitShortcodeArguments("z"), ["z"]);
});

test(
  "a character the argument syntax does not know (a filter pipe) is an error, not a silent cut",
  () => {
    assert.throws(() => splitShortcodeArguments('"a" | upcase'));
  },
);
