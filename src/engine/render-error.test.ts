// Errors from the real Nunjucks and liquidjs libraries, turned into catalogued errors located in
// the user's file: lines count from the top of the file (front matter included), columns from 1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Liquid } from "liquidjs";
import nunjucks from "nunjucks";
import { PlinthError } from "../errors/plinth-error.js";
import { toRenderError } from "./render-error.js";
import { sourceFromText, type TemplateSource } from "./template-source.js";

const ROOT = "/site";
const FRONT = "---\ntitle: Post\n---\n";

function source(name: string, body: string): TemplateSource {
  const file = path.join(ROOT, name);
  return sourceFromText(file, ROOT, `./${name}`, name.split(".").pop()!, FRONT + body);
}

const show = (abs: string) => `./${path.relative(ROOT, abs)}`;

function nunjucksEnv(searchPath?: string): nunjucks.Environment {
  const env = new nunjucks.Environment(searchPath ? new nunjucks.FileSystemLoader(searchPath) : null, { dev: true });
  env.addFilter("explode", () => {
    throw new Error("the filter exploded");
  });
  return env;
}

async function nunjucksFailure(src: TemplateSource, env = nunjucksEnv(), data: object = {}): Promise<PlinthError> {
  try {
    const template = new nunjucks.Template(src.frontMatter.body, env, src.file, true);
    await new Promise<string>((resolve, reject) => template.render(data, (e, r) => (e ? reject(e) : resolve(r ?? ""))));
  } catch (error) {
    return toRenderError(error, src, show, `${src.inputPath} failed to render`);
  }
  assert.fail("expected Nunjucks to fail");
}

async function liquidFailure(src: TemplateSource, liquid = new Liquid({ strictFilters: true })): Promise<PlinthError> {
  liquid.registerFilter("explode", () => {
    throw new Error("the filter exploded");
  });
  try {
    await liquid.parseAndRender(src.frontMatter.body, { title: "x" });
  } catch (error) {
    return toRenderError(error, src, show, `${src.inputPath} failed to render`);
  }
  assert.fail("expected liquidjs to fail");
}

test("Nunjucks parse error: TemplateSyntax at the file's own line and column", async () => {
  const e = await nunjucksFailure(source("post.njk", "<p>one</p>\n<p>{{ x }</p>\n"));
  assert.equal(e.code, "TemplateSyntax");
  // Body line 2 is file line 5; the parser stops at the lone `}` in column 9.
  assert.deepEqual(e.location, { file: "./post.njk", line: 5, column: 9 });
  assert.match(e.frame ?? "", /^> 5 \| <p>\{\{ x \}<\/p>$/m);
  assert.equal(e.message, "./post.njk failed to render: expected variable end");
});

test("Nunjucks unknown block tag: TemplateSyntax on that line", async () => {
  const e = await nunjucksFailure(source("post.njk", "<p>ok</p>\n{% endfor %}\n"));
  assert.equal(e.code, "TemplateSyntax");
  assert.equal(e.location?.line, 5);
  assert.equal(e.location?.column, 4);
  assert.match(e.message, /unknown block tag: endfor$/);
});

test("Nunjucks error thrown while rendering: its 0-based position is made 1-based", async () => {
  const fail = () => {
    throw new Error("fn threw");
  };
  const e = await nunjucksFailure(source("post.njk", "a\n  {{ fail() }}\n"), nunjucksEnv(), { fail });
  assert.equal(e.code, "TemplateRender");
  assert.equal(e.location?.line, 5);
  assert.match(e.message, /fn threw$/);
});

test("Nunjucks render-time error on the first body line is still located", async () => {
  const fail = () => {
    throw new Error("fn threw");
  };
  const e = await nunjucksFailure(source("post.njk", "{{ fail() }}"), nunjucksEnv(), { fail });
  assert.equal(e.location?.line, 4);
});

test("Nunjucks unknown filter: UnknownFilter, located by searching the body for the filter", async () => {
  const e = await nunjucksFailure(source("post.njk", "<p>one</p>\n<p>{{ title | nosuchfilter }}</p>\n"));
  assert.equal(e.code, "UnknownFilter");
  assert.deepEqual(e.location, { file: "./post.njk", line: 5, column: 15 });
  assert.equal(e.message, "./post.njk failed to render: filter not found: nosuchfilter");
});

test("Nunjucks throwing filter: TemplateRender with the filter's own message, no engine noise", async () => {
  const e = await nunjucksFailure(source("post.njk", "<p>{{ title | explode }}</p>\n"));
  assert.equal(e.code, "TemplateRender");
  assert.equal(e.location?.file, "./post.njk");
  assert.equal(e.message, "./post.njk failed to render: the filter exploded");
  assert.ok(e.cause instanceof Error && e.cause.message === "the filter exploded", "the user's error is the cause");
});

test("a filter error tagged with `filterName` is located at the filter's use", async () => {
  const tagged = Object.assign(new Error("the filter exploded"), { filterName: "explode" });
  const e = toRenderError(tagged, source("post.njk", "a\nb {{ title | explode }}\n"), show, "./post.njk failed to render");
  assert.equal(e.location?.line, 5);
  assert.equal(e.location?.column, 14);
});

test("a message that merely says `expected` is not mistaken for a syntax error", async () => {
  const env = nunjucksEnv();
  env.addFilter("strict", () => {
    throw new Error("expected a date");
  });
  const e = await nunjucksFailure(source("post.njk", "{{ title | strict }}"), env);
  assert.equal(e.code, "TemplateRender");
});

test("Nunjucks error inside an included template is located in that file", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-render-error-"));
  try {
    writeFileSync(path.join(dir, "partial.njk"), "line one\n{% if %}\n");
    const e = await nunjucksFailure(source("post.njk", "{% include 'partial.njk' %}\n"), nunjucksEnv(dir));
    assert.equal(e.code, "TemplateSyntax");
    assert.equal(e.location?.file, show(path.join(dir, "partial.njk")));
    assert.equal(e.location?.line, 2);
    assert.match(e.frame ?? "", /^> 2 \| \{% if %\}$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Nunjucks missing include: located at the include's name", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plinth-render-error-"));
  try {
    const e = await nunjucksFailure(source("post.njk", "a\n{% include \"nope.njk\" %}\n"), nunjucksEnv(dir));
    assert.equal(e.location?.file, "./post.njk");
    assert.equal(e.location?.line, 5);
    assert.match(e.message, /template not found: nope\.njk/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Liquid unclosed tag: TemplateSyntax at its line and column", async () => {
  const e = await liquidFailure(source("post.liquid", "<p>one</p>\n{% if title %}\n<p>x</p>\n"));
  assert.equal(e.code, "TemplateSyntax");
  assert.deepEqual(e.location, { file: "./post.liquid", line: 5, column: 1 });
  assert.equal(e.message, "./post.liquid failed to render: tag {% if title %} not closed");
});

test("Liquid unknown filter: UnknownFilter at the output tag", async () => {
  const e = await liquidFailure(source("post.liquid", "<p>one</p>\n<p>{{ title | nosuchfilter }}</p>\n"));
  assert.equal(e.code, "UnknownFilter");
  assert.deepEqual(e.location, { file: "./post.liquid", line: 5, column: 4 });
  assert.equal(e.message, "./post.liquid failed to render: undefined filter: nosuchfilter");
});

test("Liquid throwing filter: TemplateRender at the output tag, with the filter's message", async () => {
  const e = await liquidFailure(source("post.liquid", "a\n {{ title | explode }}\n"));
  assert.equal(e.code, "TemplateRender");
  assert.deepEqual(e.location, { file: "./post.liquid", line: 5, column: 2 });
  assert.equal(e.message, "./post.liquid failed to render: the filter exploded");
});

test("Liquid tokenizer error: TemplateSyntax", async () => {
  const e = await liquidFailure(source("post.liquid", "{% assign %}"));
  assert.equal(e.code, "TemplateSyntax");
  assert.equal(e.location?.line, 4);
});

test("a catalogued error passes through unchanged, even wrapped by an engine", () => {
  const original = new PlinthError("TemplateContentTooEarly", "too early", { location: { file: "./x.md" } });
  assert.equal(toRenderError(original, source("x.md", ""), show, "w"), original);
  const wrapped = Object.assign(new Error("Template render error: (/site/x.njk)\n  PlinthError: too early"), { name: "Template render error", cause: original });
  assert.equal(toRenderError(wrapped, source("x.njk", ""), show, "w"), original);
});

test("a plain error (e.g. from a transform) is a TemplateRender error in the file, without a line", () => {
  const e = toRenderError(new TypeError("cannot read properties of undefined"), source("x.md", "body"), show, "The transform \"min\" failed on ./x.md");
  assert.equal(e.code, "TemplateRender");
  assert.deepEqual(e.location, { file: "./x.md", line: undefined, column: undefined });
  assert.equal(e.message, "The transform \"min\" failed on ./x.md: cannot read properties of undefined");
});

test("a thrown non-Error value is still reported", () => {
  const e = toRenderError("just a string", source("x.njk", ""), show, "./x.njk failed to render");
  assert.equal(e.code, "TemplateRender");
  assert.match(e.message, /just a string$/);
});
