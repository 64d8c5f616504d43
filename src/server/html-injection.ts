/**
 * Adds the dev server's client (and, while the site is broken, the error overlay) to an HTML
 * response as it is sent. Only responses change: the built pages in memory and on disk never do.
 */
import { escapeHtml } from "./error-overlay.js";

/** Puts `snippet` just before the last `</body>`, or at the end when the page has none. */
export function injectBeforeBodyEnd(html: string, snippet: string): string {
  const at = html.toLowerCase().lastIndexOf("</body");
  return at === -1 ? `${html}${snippet}` : `${html.slice(0, at)}${snippet}${html.slice(at)}`;
}

/** What the client needs to know about the page it is in. */
export interface ClientTagData {
  src: string;
  /** Output path the page came from; "" for the server's own error page. */
  served: string;
  status: number;
  prefix: string;
  build: number;
  instance: string;
}

export function clientTag(data: ClientTagData): string {
  const attrs: [string, string][] = [
    ["src", data.src],
    ["data-plinth-path", data.served],
    ["data-plinth-status", String(data.status)],
    ["data-plinth-prefix", data.prefix],
    ["data-plinth-build", String(data.build)],
    ["data-plinth-instance", data.instance],
  ];
  return `<script ${attrs.map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(" ")}></script>`;
}
