/**
 * The small script a preview page loads (as a file, since the CSP allows no inline scripts): it
 * listens to the studio's build events and reloads the page, keeping its scroll position, when a
 * build changed it or a stylesheet.
 */
export const PREVIEW_CLIENT_PATH = "/_studio/preview-client.js";

export const PREVIEW_CLIENT = `(() => {
  "use strict";
  const me = document.currentScript;
  const page = me ? me.getAttribute("data-page") : "";
  let build = Number(me ? me.getAttribute("data-build") : 0);
  const key = "plinth-preview-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    const [x, y] = saved.split(",").map(Number);
    const restore = () => window.scrollTo(x || 0, y || 0);
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore, { once: true });
  }
  const events = new EventSource("/api/events");
  events.onmessage = (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    if (message.type !== "build" || !message.ok || message.build <= build) return;
    build = message.build;
    const touched = message.changed.concat(message.removed);
    if (touched.includes(page) || touched.some((p) => p.endsWith(".css"))) {
      sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
      events.close();
      location.reload();
    }
  };
})();
`;
