// The body toolbar's actions as CodeMirror commands: each changes only the selected text
// (or inserts at the cursor) and leaves the rest of the document alone. Wrapping toggles:
// bold on already-bold text removes the markers.

import { EditorSelection, type ChangeSpec, type EditorState, type TransactionSpec } from "@codemirror/state";

/** What a command needs: an EditorView is one; so is a bare state with a dispatcher (tests). */
export interface Target {
  state: EditorState;
  dispatch: (...specs: TransactionSpec[]) => void;
}

export type Command = (view: Target) => boolean;

/** Wraps each selection in `before`/`after`, or unwraps it when it is wrapped already. */
export function wrap(before: string, after: string, placeholder = "text"): Command {
  return (view) => {
    const { state } = view;
    view.dispatch(
      state.changeByRange((range) => {
        const outside = state.sliceDoc(range.from - before.length, range.from) === before && state.sliceDoc(range.to, range.to + after.length) === after;
        if (outside && !range.empty) {
          return {
            changes: [
              { from: range.from - before.length, to: range.from },
              { from: range.to, to: range.to + after.length },
            ],
            range: EditorSelection.range(range.from - before.length, range.to - before.length),
          };
        }
        const text = range.empty ? placeholder : "";
        return {
          changes: [
            { from: range.from, insert: before + text },
            { from: range.to, insert: after },
          ],
          range: EditorSelection.range(range.from + before.length, range.to + before.length + text.length),
        };
      }),
      { userEvent: "input.format", scrollIntoView: true },
    );
    return true;
  };
}

/** Adds `prefix` to every line the selection touches, or removes it when all have it. */
export function prefixLines(prefix: string | ((index: number) => string), pattern: RegExp): Command {
  return (view) => {
    const { state } = view;
    const lines = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let n = state.doc.lineAt(range.from).number; n <= state.doc.lineAt(range.to).number; n++) lines.add(n);
    }
    const all = [...lines].sort((a, b) => a - b).map((n) => state.doc.line(n));
    const remove = all.every((line) => pattern.test(line.text));
    const changes: ChangeSpec[] = all.map((line, index) => {
      if (remove) return { from: line.from, to: line.from + (pattern.exec(line.text)?.[0].length ?? 0) };
      return { from: line.from, insert: typeof prefix === "string" ? prefix : prefix(index) };
    });
    view.dispatch({ changes, userEvent: "input.format", scrollIntoView: true });
    return true;
  };
}

/** `[selection](https://)` with the URL selected, ready to type over. */
export const link: Command = (view) => {
  const { state } = view;
  view.dispatch(
    state.changeByRange((range) => {
      const text = state.sliceDoc(range.from, range.to) || "link text";
      const insert = `[${text}](https://)`;
      const urlStart = range.from + text.length + 3;
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.range(urlStart, urlStart + "https://".length) };
    }),
    { userEvent: "input.format", scrollIntoView: true },
  );
  return true;
};

/** Inserts `text` at the cursor (replacing the selection) and puts the cursor after it. */
export function insertText(view: Target, text: string): void {
  view.dispatch(view.state.replaceSelection(text), { userEvent: "input.paste", scrollIntoView: true });
}

/** Inserts a block on lines of its own, adding line breaks only where needed. */
export function insertBlock(text: string): Command {
  return (view) => {
    const { state } = view;
    const range = state.selection.main;
    const line = state.doc.lineAt(range.from);
    const before = line.text.slice(0, range.from - line.from).trim() === "" ? "" : "\n\n";
    view.dispatch({ changes: { from: range.from, to: range.to, insert: `${before}${text}\n` }, selection: { anchor: range.from + before.length + text.length + 1 }, userEvent: "input.format", scrollIntoView: true });
    return true;
  };
}

export const bold = wrap("**", "**");
export const italic = wrap("*", "*");
export const underline = wrap("<u>", "</u>");
export const heading = prefixLines("## ", /^#{1,6} /);
export const bulletList = prefixLines("- ", /^[-*+] /);
export const quote = prefixLines("> ", /^> ?/);
export const image = wrap("![", "](/img/)", "description");
export const table = insertBlock("| Column | Column |\n| --- | --- |\n| Cell | Cell |");
