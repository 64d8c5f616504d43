/**
 * The overlay the browser shows while the site does not build: for each error its code, title,
 * file and line, message, code frame, hint and causes. Every piece of text is escaped here,
 * once, because messages quote the user's templates.
 */
import type { PlinthError } from "../errors/plinth-error.js";

export const OVERLAY_ID = "plinth-error-overlay";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function causes(error: Error): string[] {
  const out: string[] = [];
  let current: unknown = error.cause;
  while (current !== undefined && out.length < 5) {
    out.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return out;
}

function where(error: PlinthError): string {
  const loc = error.location;
  if (!loc) return "";
  return [loc.file, loc.line, loc.line ? loc.column : undefined].filter((part) => part !== undefined).join(":");
}

function renderError(error: PlinthError): string {
  const location = where(error);
  const parts = [
    `<section class="plinth-error" data-code="${escapeHtml(error.code)}">`,
    `<h2><code>${escapeHtml(error.code)}</code> ${escapeHtml(error.title)}</h2>`,
    location ? `<p class="plinth-location">${escapeHtml(location)}</p>` : "",
    `<p class="plinth-message">${escapeHtml(error.message)}</p>`,
    error.frame ? `<pre class="plinth-frame">${escapeHtml(error.frame)}</pre>` : "",
    `<p class="plinth-hint"><strong>Hint:</strong> ${escapeHtml(error.hint)}</p>`,
    ...causes(error).map((cause) => `<p class="plinth-cause">Cause: ${escapeHtml(cause)}</p>`),
    "</section>",
  ];
  return parts.filter(Boolean).join("\n");
}

// Scoped to the overlay and reset with `all: initial`, so the site's own CSS cannot restyle it.
const STYLE = `
#${OVERLAY_ID}{all:initial;position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.92);color:#f4f4f5;font:15px/1.5 system-ui,sans-serif;padding:2rem}
#${OVERLAY_ID} *{box-sizing:border-box}
#${OVERLAY_ID} h1{font-size:1.3rem;margin:0 0 1rem;color:#fca5a5}
#${OVERLAY_ID} h2{font-size:1.1rem;margin:0 0 .5rem}
#${OVERLAY_ID} code,#${OVERLAY_ID} pre{font:13px/1.45 ui-monospace,monospace}
#${OVERLAY_ID} section{max-width:60rem;margin:0 0 1.5rem;padding:1rem 1.25rem;border-left:4px solid #f87171;background:#27272a}
#${OVERLAY_ID} pre{overflow:auto;padding:.75rem;background:#18181b;color:#e4e4e7;white-space:pre}
#${OVERLAY_ID} .plinth-location{color:#93c5fd;font-family:ui-monospace,monospace}
#${OVERLAY_ID} .plinth-hint{color:#bef264}
#${OVERLAY_ID} .plinth-cause{color:#a1a1aa;font-size:.9em}
#${OVERLAY_ID} footer{color:#a1a1aa;font-size:.9em}`;

/** The overlay element, ready to be put before `</body>` or inserted by the client. */
export function renderOverlay(errors: readonly PlinthError[]): string {
  const count = `${errors.length} error${errors.length === 1 ? "" : "s"}`;
  return [
    `<div id="${OVERLAY_ID}" role="alert" aria-live="assertive">`,
    `<style>${STYLE}</style>`,
    `<h1>The site did not build (${count})</h1>`,
    ...errors.map(renderError),
    "<footer>Fix the file and save: this page reloads by itself. The details are also in the terminal.</footer>",
    "</div>",
  ].join("\n");
}
