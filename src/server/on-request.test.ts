// setServerOptions({ onRequest }) answers, read as Eleventy's dev server 2.1 reads them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PlinthError } from "../errors/plinth-error.js";
import { answerOnRequest } from "./on-request.js";

const ORIGIN = "http://localhost:8080";

test("a string is the body; pattern groups and the query reach the function", async () => {
  const hooks = {
    "/api/:name": ({ url, patternGroups }: { url: URL; patternGroups: Record<string, string> }) => `hi ${patternGroups.name} ${url.searchParams.get("x")}`,
  };
  assert.deepEqual(await answerOnRequest(hooks, "/api/ada?x=1", "/", ORIGIN), { status: 200, headers: [], body: "hi ada 1" });
  assert.equal(await answerOnRequest(hooks, "/other/ada", "/", ORIGIN), undefined);
});

test("an object gives status, headers and body; an empty string still answers", async () => {
  const hooks = {
    "/teapot/": () => ({ status: 418, headers: { "Content-Type": "text/plain" }, body: "short and stout" }),
    "/empty/": () => "",
  };
  assert.deepEqual(await answerOnRequest(hooks, "/teapot/", "/", ORIGIN), { status: 418, headers: [["Content-Type", "text/plain"]], body: "short and stout" });
  assert.deepEqual(await answerOnRequest(hooks, "/empty/", "/", ORIGIN), { status: 200, headers: [], body: "" });
});

test("a Response is read to the end, without its encoding or length headers", async () => {
  const hooks = { "/r/": () => new Response("bytes", { status: 201, headers: { "Content-Type": "image/webp", "Content-Encoding": "br" } }) };
  const answer = await answerOnRequest(hooks, "/r/", "/", ORIGIN);
  assert.equal(answer?.status, 201);
  assert.deepEqual(answer?.headers, [["content-type", "image/webp"]]);
  assert.equal(answer?.body.toString(), "bytes");
});

test("nothing, false or null lets the next pattern answer", async () => {
  const seen: string[] = [];
  const hooks = {
    "/a/*": () => {
      seen.push("first");
      return undefined;
    },
    "/a/:rest": () => "second",
  };
  assert.equal((await answerOnRequest(hooks, "/a/b", "/", ORIGIN))?.body, "second");
  assert.deepEqual(seen, ["first"]);
});

test("patterns live below the path prefix", async () => {
  const hooks = { "/.11ty/image/": () => "image" };
  assert.equal((await answerOnRequest(hooks, "/docs/.11ty/image/?src=a.jpg", "/docs/", ORIGIN))?.body, "image");
  assert.equal(await answerOnRequest(hooks, "/.11ty/image/?src=a.jpg", "/docs/", ORIGIN), undefined);
});

test("an answer of another kind is a catalogued error naming the pattern", async () => {
  await assert.rejects(answerOnRequest({ "/n/": () => 42 }, "/n/", "/", ORIGIN), (error: unknown) => {
    assert.ok(error instanceof PlinthError);
    assert.equal(error.code, "ServeOnRequestResult");
    assert.match(error.message, /"\/n\/".*number/);
    return true;
  });
});

test("no onRequest option, or one that is not an object, answers nothing", async () => {
  assert.equal(await answerOnRequest(undefined, "/", "/", ORIGIN), undefined);
  assert.equal(await answerOnRequest("nope", "/", "/", ORIGIN), undefined);
});
