// The body toolbar's commands (src/studio/client/markdown-commands.ts) on a CodeMirror state:
// each changes the selection's text only, and wrapping toggles.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { EditorSelection, EditorState, type TransactionSpec } from "@codemirror/state";
import { bold, bulletList, heading, link, quote, table, underline, type Command } from "../../src/studio/client/markdown-commands.js";

/** Runs `command` on `doc` with `[from, to)` selected; returns the text and the selection after. */
function run(command: Command, doc: string, from: number, to = from): { text: string; selected: string } {
  let state = EditorState.create({ doc, selection: EditorSelection.single(from, to) });
  command({ state, dispatch: (...specs: TransactionSpec[]) => (state = state.update(...specs).state) });
  const range = state.selection.main;
  return { text: state.doc.toString(), selected: state.sliceDoc(range.from, range.to) };
}

describe("Markdown toolbar commands", () => {
  test("bold wraps the selection, and bold on bold text unwraps it", () => {
    const once = run(bold, "Say hello now", 4, 9);
    assert.deepEqual(once, { text: "Say **hello** now", selected: "hello" });
    assert.deepEqual(run(bold, once.text, 6, 11), { text: "Say hello now", selected: "hello" });
  });

  test("underline uses <u>, as the seed's editor wrote it", () => {
    assert.equal(run(underline, "a link", 2, 6).text, "a <u>link</u>");
  });

  test("with nothing selected, bold inserts a placeholder to type over", () => {
    assert.deepEqual(run(bold, "x ", 2), { text: "x **text**", selected: "text" });
  });

  test("link keeps the text and selects the URL to type", () => {
    assert.deepEqual(run(link, "see the docs", 8, 12), { text: "see the [docs](https://)", selected: "https://" });
  });

  test("line prefixes apply to every selected line and toggle off", () => {
    const doc = "one\ntwo\nthree";
    const listed = run(bulletList, doc, 0, 7).text;
    assert.equal(listed, "- one\n- two\nthree");
    assert.equal(run(bulletList, listed, 0, 11).text, doc);
    assert.equal(run(heading, "Title\nbody", 2).text, "## Title\nbody");
    assert.equal(run(heading, "### Title", 2).text, "Title");
    assert.equal(run(quote, "a\nb", 0, 3).text, "> a\n> b");
  });

  test("a table goes on lines of its own", () => {
    assert.equal(run(table, "Intro", 5).text, "Intro\n\n| Column | Column |\n| --- | --- |\n| Cell | Cell |\n");
    assert.equal(run(table, "", 0).text, "| Column | Column |\n| --- | --- |\n| Cell | Cell |\n");
  });
});
