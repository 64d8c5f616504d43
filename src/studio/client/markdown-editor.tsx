// The body editor: CodeMirror 6 with Markdown highlighting, undo history, a toolbar and its
// shortcuts (Ctrl/Cmd-B, I, U, K). Pasting or dropping an image file uploads it and inserts
// its Markdown. The document keeps the file's own line breaks (CRLF stays CRLF).

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdownLanguage } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { drawSelection, EditorView, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "preact/hooks";
import { bold, bulletList, heading, image, insertText, italic, link, quote, table, underline, type Command } from "./markdown-commands.js";

export interface BodyDiagnostic {
  /** 1-based line in the body. */
  line: number;
  column?: number;
  message: string;
}

interface Props {
  /** Changes when another entry (or another version of it) is loaded, to start afresh. */
  docKey: string;
  initial: string;
  onChange: (text: string) => void;
  /** Uploads pasted or dropped image files and returns the Markdown to insert. */
  onFiles: (files: File[]) => Promise<string | undefined>;
  diagnostics: BodyDiagnostic[];
  /** Receives the view, for callers that insert text (the media panel). */
  viewRef?: { current: EditorView | null };
  /** The toolbar buttons to show, by name (a CMS config's toolbar); all when absent. */
  toolbar?: string[] | null;
  /** The role may not edit this entry: the text can be read and selected, not changed. */
  readOnly?: boolean;
}

const TOOLS: { name: string; label: string; text: string; key?: string; run: Command }[] = [
  { name: "bold", label: "Bold", text: "B", key: "Mod-b", run: bold },
  { name: "italic", label: "Italic", text: "I", key: "Mod-i", run: italic },
  { name: "underline", label: "Underline", text: "U", key: "Mod-u", run: underline },
  { name: "link", label: "Link", text: "Link", key: "Mod-k", run: link },
  { name: "heading", label: "H2 heading", text: "H2", run: heading },
  { name: "list", label: "Bulleted list", text: "List", run: bulletList },
  { name: "quote", label: "Quote", text: "Quote", run: quote },
  { name: "image", label: "Image", text: "Image", run: image },
  { name: "table", label: "Table", text: "Table", run: table },
];

const shortcutName = (key: string) => key.replace("Mod-", /Mac/.test(navigator.platform) ? "⌘" : "Ctrl+").toUpperCase();

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith("image/"));
}

/**
 * Creates the view so that CodeMirror's styles go into a constructed stylesheet: for a
 * document it would write them into a <style> element, which the studio's CSP
 * (`style-src 'self'`) blocks; a constructed sheet, as it uses in shadow roots, is allowed.
 * With `document.head` looking absent for the first mount it takes that path, and later
 * editors reuse the same sheet.
 */
function createView(create: () => EditorView): EditorView {
  Object.defineProperty(document, "head", { configurable: true, get: () => null });
  try {
    return create();
  } finally {
    delete (document as { head?: unknown }).head;
  }
}

export function MarkdownEditor(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const upload = (files: File[], target: EditorView) => {
      void latest.current.onFiles(files).then((text) => {
        if (text) insertText(target, text);
      });
    };
    const state = EditorState.create({
      doc: props.initial,
      extensions: [
        EditorState.lineSeparator.of(props.initial.includes("\r\n") ? "\r\n" : "\n"),
        lineNumbers(),
        history(),
        drawSelection(),
        EditorView.lineWrapping,
        EditorState.readOnly.of(props.readOnly === true),
        EditorView.editable.of(props.readOnly !== true),
        // The Markdown language alone: `markdown()` would also bundle the HTML, CSS and
        // JavaScript parsers (about 45 KB gzipped) to colour inline HTML.
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        lintGutter(),
        keymap.of([...TOOLS.filter((tool) => tool.key).map((tool) => ({ key: tool.key!, run: tool.run, preventDefault: true })), ...defaultKeymap, ...historyKeymap]),
        // No Tab binding: Tab moves the focus on, as everywhere else in the app.
        EditorView.contentAttributes.of({ "aria-label": "Body (Markdown)", "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          paste(event, target) {
            if (latest.current.readOnly) return false;
            const files = imageFiles(event.clipboardData?.files);
            if (!files.length) return false;
            event.preventDefault();
            upload(files, target);
            return true;
          },
          drop(event, target) {
            if (latest.current.readOnly) return true;
            const files = imageFiles(event.dataTransfer?.files);
            if (!files.length) return false;
            event.preventDefault();
            const at = target.posAtCoords({ x: event.clientX, y: event.clientY });
            if (at !== null) target.dispatch({ selection: { anchor: at } });
            upload(files, target);
            return true;
          },
        }),
      ],
    });
    const editor = createView(() => new EditorView({ state, parent: host.current! }));
    view.current = editor;
    if (props.viewRef) props.viewRef.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
      if (props.viewRef) props.viewRef.current = null;
    };
    // Recreated only for another document; typing flows out through onChange.
  }, [props.docKey]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc;
    const diagnostics: Diagnostic[] = props.diagnostics
      .filter((d) => d.line >= 1 && d.line <= doc.lines)
      .map((d) => {
        const line = doc.line(d.line);
        const from = Math.min(line.from + Math.max(0, (d.column ?? 1) - 1), line.to);
        return { from, to: line.to, severity: "error", message: d.message };
      });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [props.diagnostics, props.docKey]);

  return (
    <div class="md-editor">
      <div class="toolbar" role="toolbar" aria-label="Formatting">
        {TOOLS.filter((tool) => !props.toolbar || props.toolbar.includes(tool.name)).map((tool) => (
          <button
            type="button"
            key={tool.label}
            aria-label={tool.key ? `${tool.label} (${shortcutName(tool.key)})` : tool.label}
            title={tool.key ? `${tool.label} (${shortcutName(tool.key)})` : tool.label}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              if (!view.current) return;
              tool.run(view.current);
              view.current.focus();
            }}
          >
            {tool.text}
          </button>
        ))}
      </div>
      <div class="cm-host" ref={host} />
    </div>
  );
}
