import assert from "node:assert/strict";
import { test } from "node:test";
import { Router } from "./router.js";

test("exact routes, prefix routes (longest first) and the methods a path allows", () => {
  const r = new Router();
  const h = (name: string) => () => ({ json: name });
  r.get("/api/entry", h("get"));
  r.put("/api/entry", h("put"));
  r.get("/preview/*", h("preview"));
  r.get("/preview/deep/*", h("deep"));
  const found = r.match("GET", "/api/entry");
  assert.equal(found.kind, "found");
  assert.equal(r.match("HEAD", "/api/entry").kind, "found", "HEAD is answered by GET");
  assert.deepEqual(r.match("DELETE", "/api/entry"), { kind: "method", allowed: ["GET", "PUT"] });
  const deep = r.match("GET", "/preview/deep/a/b");
  assert.ok(deep.kind === "found" && deep.rest === "a/b");
  const shallow = r.match("GET", "/preview/news/x/");
  assert.ok(shallow.kind === "found" && shallow.rest === "news/x/");
  assert.equal(r.match("GET", "/api/entries").kind, "none");
  assert.throws(() => r.get("/api/entry", h("again")), /Two studio routes/);
});

test("routes declare who may call them, and the router lists them", () => {
  const r = new Router();
  r.get("/api/entry", () => ({ json: 1 }), { action: "entry.read" });
  r.post("/api/login", () => ({ json: 1 }), { action: "public" });
  r.get("/api/loose", () => ({ json: 1 }));
  const found = r.match("GET", "/api/entry");
  assert.ok(found.kind === "found" && found.action === "entry.read");
  assert.deepEqual(r.routes(), [
    { method: "GET", path: "/api/entry", action: "entry.read" },
    { method: "POST", path: "/api/login", action: "public" },
    { method: "GET", path: "/api/loose", action: undefined },
  ]);
});
