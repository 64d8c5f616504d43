import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { test } from "node:test";
import { StudioAuth } from "./auth.js";

function request(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

const auth = new StudioAuth("s3cret", "127.0.0.1", 8081);
const none = new URLSearchParams();

test("the token by Bearer header, by cookie of this port, or by query", () => {
  assert.equal(auth.authenticate(request("GET", { authorization: "Bearer s3cret" }), none), "bearer");
  assert.equal(auth.authenticate(request("GET", { cookie: "a=1; plinth_studio_8081=s3cret" }), none), "cookie");
  assert.equal(auth.authenticate(request("GET", { cookie: "plinth_studio_8082=s3cret" }), none), null, "another studio's cookie");
  assert.equal(auth.authenticate(request("GET", {}), new URLSearchParams("token=s3cret")), "query");
  assert.equal(auth.authenticate(request("GET", { authorization: "Bearer s3cre" }), none), null);
  assert.match(auth.cookieHeader(), /^plinth_studio_8081=s3cret; HttpOnly; SameSite=Strict; Path=\/$/);
});

test("changes only from the studio's own origin; scripts with the Bearer header may send none", () => {
  assert.equal(auth.originAllowed(request("GET", { origin: "http://evil.example" }), "cookie"), true, "reads are not changes");
  assert.equal(auth.originAllowed(request("PUT", { origin: "http://127.0.0.1:8081" }), "cookie"), true);
  assert.equal(auth.originAllowed(request("PUT", { origin: "http://localhost:8081" }), "cookie"), true);
  assert.equal(auth.originAllowed(request("PUT", { origin: "http://localhost:3000" }), "cookie"), false, "same site, other port");
  assert.equal(auth.originAllowed(request("POST", {}), "cookie"), false);
  assert.equal(auth.originAllowed(request("POST", {}), "bearer"), true);
  assert.equal(auth.originAllowed(request("POST", { origin: "null" }), "bearer"), false);
  assert.equal(auth.originAllowed(request("DELETE", { origin: "http://127.0.0.1:8081", "sec-fetch-site": "cross-site" }), "cookie"), false);
});

test("the Host header must name this studio, unless it listens everywhere", () => {
  assert.equal(auth.hostAllowed(request("GET", { host: "127.0.0.1:8081" })), true);
  assert.equal(auth.hostAllowed(request("GET", { host: "localhost:8081" })), true);
  assert.equal(auth.hostAllowed(request("GET", { host: "rebound.example:8081" })), false);
  assert.equal(auth.hostAllowed(request("GET", { host: "127.0.0.1:9999" })), false);
  assert.equal(new StudioAuth("t", "0.0.0.0", 8081).hostAllowed(request("GET", { host: "studio.lan:8081" })), true);
});
