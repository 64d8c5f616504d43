// The app's API client (src/studio/client/api.ts): a 401 that ends the session sends the user
// to the login page, unless it answers a request of a session that has already ended.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { ApiError, call, setSession } from "../../src/studio/client/api.js";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function loginNeededAnswer(): Response {
  return new Response(JSON.stringify({ error: { code: "StudioLoginNeeded", message: "Log in first." } }), { status: 401 });
}

test("a request whose session ended sends the user to the login page", async () => {
  let shown = 0;
  setSession("csrf-a", () => shown++);
  globalThis.fetch = async () => loginNeededAnswer();
  await assert.rejects(call("GET", "/api/board"), ApiError);
  assert.equal(shown, 1);
});

test("an answer to the last user's request does not log out the user who logged in since", async () => {
  let shownForA = 0;
  let shownForB = 0;
  setSession("csrf-a", () => shownForA++);
  let answer!: (response: Response) => void;
  globalThis.fetch = () => new Promise<Response>((resolve) => (answer = resolve));
  // The last user's heartbeat is still on its way as they log out and the next user logs in.
  const heartbeat = call("DELETE", "/api/presence?path=news/a.md");
  setSession(null);
  setSession("csrf-b", () => shownForB++);
  answer(loginNeededAnswer());
  await assert.rejects(heartbeat, ApiError);
  assert.equal(shownForA + shownForB, 0, "the new session stays open");
});
