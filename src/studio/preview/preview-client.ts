/**
 * The small script a preview page loads (as a file, since the CSP allows no inline scripts): it
 * listens to the studio's build events and shows the new build of the page when a build
 * changed it. A page without scripts of its own takes the new HTML in place: its body is
 * patched node by node (what did not change stays, images and embeds are not loaded again),
 * so there is no navigation and the reader keeps their place. A page with scripts, a changed
 * `<head>` or a changed stylesheet reloads, keeping its scroll position, so its scripts run as
 * they will when published. The editor's preview pane asks the same of the frame after each
 * preview, through `window.__plinthPreview.refresh(build)`.
 */
export const PREVIEW_CLIENT_PATH = "/_studio/preview-client.js";

export const PREVIEW_CLIENT = `(() => {
  "use strict";
  const PATH = ${JSON.stringify(PREVIEW_CLIENT_PATH)};
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
  const reload = () => {
    sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
    events.close();
    location.reload();
    return "reloaded";
  };
  const ownScripts = (doc) => Array.prototype.some.call(doc.scripts, (s) => s.getAttribute("src") !== PATH);
  const headText = (head) => {
    const copy = head.cloneNode(true);
    copy.querySelectorAll("title").forEach((t) => t.remove());
    return copy.innerHTML.trim();
  };
  const syncAttributes = (from, to) => {
    for (const { name } of Array.from(from.attributes)) if (!to.hasAttribute(name)) from.removeAttribute(name);
    for (const { name, value } of Array.from(to.attributes)) if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  };
  // Makes the children of the live node 'from' those of the parsed node 'to', keeping equal nodes.
  const morph = (from, to) => {
    const before = Array.from(from.childNodes);
    const after = Array.from(to.childNodes);
    after.forEach((next, i) => {
      const node = before[i];
      if (!node) from.appendChild(document.importNode(next, true));
      else if (node.isEqualNode(next)) return;
      else if (node.nodeType !== next.nodeType || node.nodeName !== next.nodeName || node.nodeName === "TEMPLATE") from.replaceChild(document.importNode(next, true), node);
      else if (node.nodeType === 1) {
        syncAttributes(node, next);
        morph(node, next);
      } else node.nodeValue = next.nodeValue;
    });
    for (let i = after.length; i < before.length; i++) before[i].remove();
  };
  let pending = null;
  const patch = async (to) => {
    if (ownScripts(document)) return reload();
    const response = await fetch(location.href, { cache: "no-store" });
    if (!response.ok) return reload();
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const tag = next.querySelector("script[data-build]");
    const nextBuild = Number(tag ? tag.getAttribute("data-build") : NaN);
    if (!(nextBuild >= to)) return reload();
    if (nextBuild <= build) return "current";
    if (ownScripts(next) || headText(document.head) !== headText(next.head)) return reload();
    morph(document.body, next.body);
    syncAttributes(document.body, next.body);
    if (document.title !== next.title) document.title = next.title;
    build = nextBuild;
    return "patched";
  };
  // Shows build 'to' of this page (or a later one): "current", "patched" or "reloaded".
  const refresh = (to) => {
    if (to <= build) return Promise.resolve("current");
    if (pending && pending.to >= to) return pending.done;
    const done = patch(to).catch(reload);
    const mine = { to, done };
    pending = mine;
    done.finally(() => {
      if (pending === mine) pending = null;
    });
    return done;
  };
  window.__plinthPreview = { refresh };
  events.onmessage = (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    if (message.type !== "build" || !message.ok || message.build <= build) return;
    const touched = message.changed.concat(message.removed);
    if (touched.some((p) => p.endsWith(".css"))) reload();
    else if (touched.includes(page)) refresh(message.build);
  };
})();
`;
