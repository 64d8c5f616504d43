/**
 * The thread that renders Markdown with Plinth's default markdown-it setup, so that the main
 * thread can prepare the next pages meanwhile. Only the default setup runs here: a site that
 * changes the library (setLibrary, amendLibrary, a highlighter) renders on the main thread.
 */
import { parentPort } from "node:worker_threads";
import { createDefaultMarkdown } from "./default-markdown.js";

export interface MarkdownRequest {
  id: number;
  text: string;
}

export type MarkdownReply = { id: number; html: string; references?: Record<string, unknown> } | { id: number; error: string };

const markdown = createDefaultMarkdown();

parentPort?.on("message", (request: MarkdownRequest) => {
  try {
    // markdown-it keeps a document's link reference definitions in the environment: they go back with the HTML.
    const env: { references?: Record<string, unknown> } = {};
    const html = markdown.render(request.text, env);
    parentPort?.postMessage({ id: request.id, html, references: env.references } satisfies MarkdownReply);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message } satisfies MarkdownReply);
  }
});
