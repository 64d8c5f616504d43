import assert from "node:assert/strict";
import { test } from "node:test";
import { PlinthError } from "../errors/plinth-error.js";
import { escapeHtml, OVERLAY_ID, renderOverlay } from "./error-overlay.js";

test("the overlay shows code, title, location, message, frame, hint and cause", () => {
  const error = new PlinthError("TemplateSyntax", "expected endif", {
    location: { file: "./src/index.njk", line: 2, column: 4 },
    source: "a\n{% if x %}\nc",
    cause: new Error("parse failed"),
  });
  const html = renderOverlay([error]);
  assert.ok(html.startsWith(`<div id="${OVERLAY_ID}"`));
  assert.match(html, /<code>TemplateSyntax<\/code> Template syntax error/);
  assert.match(html, /\.\/src\/index\.njk:2:4/);
  assert.match(html, /expected endif/);
  assert.match(html, /<pre class="plinth-frame">[^]*&gt; 2 \| {% if x %}/);
  assert.match(html, /Fix the tag or expression/);
  assert.match(html, /Cause: Error: parse failed/);
  assert.match(html, /\(1 error\)/);
});

test("text from templates cannot inject markup into the overlay", () => {
  const error = new PlinthError("TemplateRender", '<script>alert("x")</script>', {
    location: { file: "./<img src=x onerror=alert(1)>.njk", line: 1 },
    source: "<script>bad()</script>",
  });
  const html = renderOverlay([error]);
  assert.doesNotMatch(html, /<script>/);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
});

test("escapeHtml escapes the five special characters", () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
});
