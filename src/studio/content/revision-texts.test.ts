import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RevisionTexts } from "./revision-texts.js";

describe("RevisionTexts", () => {
  it("finds a text by path and revision, and forgets the least recently used first", () => {
    const texts = new RevisionTexts(3, 1000);
    texts.remember("a.md", "r1", "one");
    texts.remember("a.md", "r2", "two");
    texts.remember("b.md", "r1", "bee");
    assert.equal(texts.find("a.md", "r1"), "one");
    texts.remember("c.md", "r1", "sea");
    assert.equal(texts.find("a.md", "r2"), undefined, "the oldest unused one went");
    assert.equal(texts.find("a.md", "r1"), "one");
    assert.equal(texts.find("b.md", "r2"), undefined);
    assert.equal(texts.size, 3);
  });

  it("stays within its size in characters", () => {
    const texts = new RevisionTexts(100, 40);
    texts.remember("a.md", "r1", "x".repeat(8));
    texts.remember("a.md", "r2", "y".repeat(8));
    texts.remember("a.md", "r3", "z".repeat(8));
    texts.remember("a.md", "r4", "w".repeat(8));
    texts.remember("a.md", "r5", "v".repeat(8));
    assert.equal(texts.find("a.md", "r1"), "x".repeat(8), "40 characters fit");
    texts.remember("a.md", "r6", "u".repeat(8));
    assert.equal(texts.find("a.md", "r2"), undefined, "48 do not: the least recently used went");
    assert.equal(texts.find("a.md", "r1"), "x".repeat(8));
    texts.remember("big.md", "r1", "b".repeat(11));
    assert.equal(texts.find("big.md", "r1"), undefined, "a text over a quarter of the budget is not kept");
  });
});
