import assert from "node:assert/strict";
import { test } from "node:test";
import { cleanSvg } from "./svg-clean.js";

const NS = 'xmlns="http://www.w3.org/2000/svg"';

/** Every malicious sample must lose its payload; the words here must not survive cleaning. */
const MALICIOUS: { name: string; svg: string; gone: RegExp }[] = [
  { name: "script element", svg: `<svg ${NS}><script>alert(document.cookie)</script><rect/></svg>`, gone: /script|alert/i },
  { name: "script in CDATA", svg: `<svg ${NS}><script><![CDATA[alert(1)]]></script></svg>`, gone: /alert/ },
  { name: "onload on the root", svg: `<svg ${NS} onload="alert(1)"/>`, gone: /onload|alert/i },
  { name: "mixed-case handler", svg: `<svg ${NS}><circle r="4" OnMouseOver="alert(1)"/></svg>`, gone: /alert/ },
  { name: "javascript link", svg: `<svg ${NS}><a href="javascript:alert(1)"><text>go</text></a></svg>`, gone: /javascript/i },
  { name: "entity-encoded javascript link", svg: `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#106;ava&#x73;cript:alert(1)">x</a></svg>`, gone: /script:|alert/i },
  { name: "javascript with a tab", svg: `<svg ${NS}><a href="java&#9;script:alert(1)">x</a></svg>`, gone: /alert/ },
  { name: "foreignObject with HTML", svg: `<svg ${NS}><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject></svg>`, gone: /foreignObject|onerror|alert/i },
  { name: "iframe and embed", svg: `<svg ${NS}><iframe src="https://evil.example/"/><embed src="x.swf"/></svg>`, gone: /iframe|embed|evil/i },
  { name: "set rewriting a link", svg: `<svg ${NS}><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`, gone: /javascript|alert/ },
  { name: "animate adding a handler", svg: `<svg ${NS}><animate attributeName="onbegin" values="alert(1)"/></svg>`, gone: /alert/ },
  { name: "external use", svg: `<svg ${NS}><use href="https://evil.example/sprite.svg#x"/></svg>`, gone: /evil/ },
  { name: "protocol-relative image", svg: `<svg ${NS}><image href="//evil.example/track.png"/></svg>`, gone: /evil/ },
  { name: "HTML in a data URL", svg: `<svg ${NS}><image href="data:text/html;base64,PHNjcmlwdD4="/></svg>`, gone: /text\/html/ },
  { name: "style @import", svg: `<svg ${NS}><style>@import url("https://evil.example/x.css");</style></svg>`, gone: /evil|@import/ },
  { name: "style url() fetch", svg: `<svg ${NS}><rect style="fill: url(https://evil.example/p.svg#a)"/></svg>`, gone: /evil/ },
  { name: "stylesheet instruction", svg: `<?xml-stylesheet href="https://evil.example/x.css"?><svg ${NS}/>`, gone: /evil|stylesheet/ },
  { name: "xml:base", svg: `<svg ${NS} xml:base="javascript:alert(1)//"><a href="x">x</a></svg>`, gone: /javascript|alert/ },
];

for (const sample of MALICIOUS) {
  test(`SVG cleaning removes ${sample.name}`, () => {
    const result = cleanSvg(sample.svg);
    assert.doesNotMatch(result.svg, sample.gone);
    assert.ok(result.removed.length > 0, "the person uploading is told what was removed");
    assert.match(result.svg, /^(<\?xml[^>]*>\s*)?<svg/);
  });
}

test("a clean SVG is kept byte for byte, with its paint references and links", () => {
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo -->\n<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n  <defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>\n  <rect width="10" height="10" fill="url(#g)" style="stroke: url(#g)"/>\n  <a href="https://example.org/"><text x="1" y="5">Hi &amp; bye</text></a>\n  <use xlink:href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>\n</svg>\n`;
  assert.deepEqual(cleanSvg(svg), { svg, removed: [] });
});

test("Inkscape's own elements and attributes go without a report, the drawing stays", () => {
  const svg = `<svg ${NS} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="x" viewBox="0 0 2 2"><sodipodi:namedview inkscape:zoom="1"/><g inkscape:label="Layer 1"><path d="M0 0h2v2z"/></g></svg>`;
  const result = cleanSvg(svg);
  assert.deepEqual(result.removed, []);
  assert.doesNotMatch(result.svg, /namedview|inkscape:label/);
  assert.match(result.svg, /<path d="M0 0h2v2z"\/>/);
  assert.match(result.svg, /viewBox="0 0 2 2"/);
});

test("a DOCTYPE declaring entities is refused, a plain one is dropped", () => {
  assert.throws(() => cleanSvg(`<!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]><svg ${NS}><text>&b;</text></svg>`), { code: "MediaSvgUnsafe" });
  const plain = cleanSvg(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${NS}><rect/></svg>`);
  assert.doesNotMatch(plain.svg, /DOCTYPE/);
  assert.match(plain.svg, /<rect\/>/);
});

test("anything but one <svg> root is refused", () => {
  assert.throws(() => cleanSvg("<html><svg/></html>"), { code: "MediaSvgUnsafe" });
  assert.throws(() => cleanSvg(`<svg ${NS}/><svg ${NS}/>`), { code: "MediaSvgUnsafe" });
  assert.throws(() => cleanSvg("just text"), { code: "MediaSvgUnsafe" });
});

test("an SVG nested deep enough to exhaust the stack is refused, a normal depth is fine", () => {
  const nested = (depth: number) => `<svg ${NS}>${"<g>".repeat(depth)}<rect/>${"</g>".repeat(depth)}</svg>`;
  assert.throws(() => cleanSvg(nested(100_000)), { code: "MediaSvgUnsafe" });
  assert.deepEqual(cleanSvg(nested(50)).removed, []);
});
