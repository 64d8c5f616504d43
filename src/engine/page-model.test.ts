import assert from "node:assert/strict";
import { test } from "node:test";
import { PlinthError } from "../errors/plinth-error.js";
import { createCollectionItem, pageOfItem, type Page, type Template } from "./page-model.js";

function page(inputPath: string, url: string): Page {
  const date = new Date("2024-05-01T00:00:00Z");
  const record = {
    template: { source: { frontMatter: { body: `Body of ${inputPath}` } } } as unknown as Template,
    data: { title: inputPath },
    page: { inputPath, fileSlug: "post", filePathStem: "/news/post", outputFileExtension: "html", templateSyntax: "md", date, url, outputPath: `_site${url}index.html`, rawInput: "" },
    outputRelative: `${url.slice(1)}index.html`,
    pageNumber: 0,
    order: 0,
  } as unknown as Page;
  record.item = createCollectionItem(record);
  return record;
}

test("a collection item shows its page's fields as own enumerable properties, content hidden from enumeration", () => {
  const { item } = page("./news/one.md", "/news/one/");
  assert.deepEqual(Object.keys(item), ["inputPath", "fileSlug", "filePathStem", "outputPath", "url", "date", "data", "page", "rawInput", "groupNumber"]);
  assert.equal(item.url, "/news/one/");
  assert.equal(item.data.title, "./news/one.md");
  assert.equal(item.rawInput, "Body of ./news/one.md");
  assert.equal(Object.prototype.hasOwnProperty.call(item, "templateContent"), true, "liquidjs reads own properties only");
  assert.equal(Object.getOwnPropertySymbols(item).length, 1);
  assert.equal(JSON.stringify(Object.keys({ ...item })), JSON.stringify(Object.keys(item)));
});

test("an item's fields follow its page as the build goes on", () => {
  const record = page("./news/two.md", "/news/two/");
  assert.throws(() => record.item.templateContent, (error: unknown) => error instanceof PlinthError && error.code === "TemplateContentTooEarly");
  record.content = "<p>two</p>";
  record.page.url = "/moved/";
  assert.equal(record.item.templateContent, "<p>two</p>");
  assert.equal(record.item.content, "<p>two</p>");
  assert.equal(record.item.url, "/moved/");
  assert.equal(pageOfItem(record.item), record);
  assert.equal(pageOfItem({ url: "/news/two/" }), undefined);
});

test("items of different pages share one set of accessors (no closures per page) yet read their own page", () => {
  const a = page("./a.md", "/a/");
  const b = page("./b.md", "/b/");
  const getter = (item: object, key: string) => Object.getOwnPropertyDescriptor(item, key)?.get;
  assert.equal(getter(a.item, "url"), getter(b.item, "url"));
  assert.equal(a.item.url, "/a/");
  assert.equal(b.item.url, "/b/");
});
