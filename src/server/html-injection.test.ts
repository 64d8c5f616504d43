import assert from "node:assert/strict";
import { test } from "node:test";
import { clientTag, injectBeforeBodyEnd } from "./html-injection.js";

test("the snippet goes before the last </body>, whatever its case", () => {
  assert.equal(injectBeforeBodyEnd("<body><p>x</p></body></html>", "<s>"), "<body><p>x</p><s></body></html>");
  assert.equal(injectBeforeBodyEnd("<BODY>a</BODY >", "<s>"), "<BODY>a<s></BODY >");
  assert.equal(injectBeforeBodyEnd('<body><script>"</body>"</script></body>', "<s>"), '<body><script>"</body>"</script><s></body>');
});

test("a page without </body> gets the snippet at its end", () => {
  assert.equal(injectBeforeBodyEnd("<p>fragment</p>", "<s>"), "<p>fragment</p><s>");
});

test("the client tag escapes its attributes", () => {
  const tag = clientTag({ src: "/_plinth/client.js", served: 'a"b<c>/index.html', status: 404, prefix: "/docs/", build: 3, instance: "abc" });
  assert.match(tag, /^<script src="\/_plinth\/client\.js" /);
  assert.match(tag, /data-plinth-path="a&quot;b&lt;c&gt;\/index\.html"/);
  assert.match(tag, /data-plinth-status="404"/);
  assert.match(tag, /data-plinth-build="3"/);
  assert.ok(tag.endsWith("></script>"));
});
