// The review flow's transitions and the trailers that carry them.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readTrailers, stateAfterReview, stateAfterSave, stateAfterSubmit, withTrailers } from "./states.js";

test("trailers are the message's last paragraph, one line each", () => {
  const message = withTrailers("Approve news/a.md: A\n\nLooks good.\nKey: not a trailer here", { "Studio-Path": "news/a b.md", "Studio-State": "ready", "Studio-Review": "approve\nnext line" });
  assert.equal(message, "Approve news/a.md: A\n\nLooks good.\nKey: not a trailer here\n\nStudio-Path: news/a b.md\nStudio-State: ready\nStudio-Review: approve next line\n");
  assert.deepEqual(readTrailers(message), { "Studio-Path": "news/a b.md", "Studio-State": "ready", "Studio-Review": "approve next line" });
  assert.deepEqual(readTrailers("Just a subject"), {});
});

test("draft -> review -> ready; changes send it back; a save after approval needs a new review", () => {
  assert.equal(stateAfterSave(null), "draft");
  assert.equal(stateAfterSave("draft"), "draft");
  assert.equal(stateAfterSave("review"), "review");
  assert.equal(stateAfterSave("ready"), "review");
  assert.equal(stateAfterSubmit("draft", "a.md"), "review");
  assert.throws(() => stateAfterSubmit("review", "a.md"), /already in review/);
  assert.equal(stateAfterReview("review", "approve", "a.md"), "ready");
  assert.equal(stateAfterReview("review", "changes", "a.md"), "draft");
  assert.equal(stateAfterReview("ready", "changes", "a.md"), "draft");
  assert.throws(() => stateAfterReview("draft", "approve", "a.md"), /only an entry in review/);
  assert.throws(() => stateAfterReview("ready", "approve", "a.md"), /only an entry in review/);
});
