import assert from "node:assert/strict";
import { test } from "node:test";
import { browserRequired, browserSkip, CHROMIUM } from "./browser.js";

const present = () => true;
const absent = () => false;

test("with Chromium installed, browser tests run whether or not CI requires them", () => {
  assert.equal(browserSkip({}, present), false);
  assert.equal(browserSkip({ PLINTH_REQUIRE_BROWSER: "1" }, present), false);
});

test("without Chromium, browser tests skip locally and say why", () => {
  const reason = browserSkip({}, absent);
  assert.equal(typeof reason, "string");
  assert.ok(String(reason).includes(`${CHROMIUM} is not installed`));
  assert.equal(typeof browserSkip({ PLINTH_REQUIRE_BROWSER: "0" }, absent), "string");
});

test("without Chromium in CI, the browser tests fail", () => {
  assert.throws(() => browserSkip({ PLINTH_REQUIRE_BROWSER: "1" }, absent), /PLINTH_REQUIRE_BROWSER is set but \/usr\/bin\/chromium is not installed/);
  assert.equal(browserRequired({ PLINTH_REQUIRE_BROWSER: "" }), false);
});
