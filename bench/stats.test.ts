import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { median, ratio, summarise } from "./stats.js";

describe("median", () => {
  it("takes the middle of an odd count, whatever the input order", () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([9]), 9);
  });

  it("averages the two middle values of an even count", () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("ignores a single outlier", () => {
    assert.equal(median([1.9, 2.0, 2.1, 2.0, 14.0]), 2.0);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
  });

  it("refuses an empty list and non-finite values", () => {
    assert.throws(() => median([]), /no values/);
    assert.throws(() => median([1, Number.NaN]), /finite/);
  });
});

describe("summarise", () => {
  it("reports count, median, extremes and mean", () => {
    assert.deepEqual(summarise([2, 8, 4, 6]), { runs: 4, median: 5, min: 2, max: 8, mean: 5 });
  });
});

describe("ratio", () => {
  it("divides when both sides are known", () => {
    assert.equal(ratio(1, 4), 0.25);
  });

  it("is undefined when a side is missing or the denominator is zero", () => {
    assert.equal(ratio(undefined, 4), undefined);
    assert.equal(ratio(1, undefined), undefined);
    assert.equal(ratio(1, 0), undefined);
  });
});
