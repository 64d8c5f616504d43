// `page.date` as documented at https://www.11ty.dev/docs/dates/: the `date` in the data
// (a Date, an ISO 8601 string read as UTC, `Last Modified`, `Created`), else a YYYY-MM-DD
// in the file's path, else the file's creation time.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Stats } from "node:fs";
import { PlinthError } from "../errors/plinth-error.js";
import { resolvePageDate } from "./page-date.js";

const created = new Date("2020-05-05T05:05:05.000Z");
const modified = new Date("2021-06-06T06:06:06.000Z");
const changed = new Date("2022-07-07T07:07:07.000Z");
/** File times as fs.statSync gives them: milliseconds with a fraction, and Dates that round them. */
function fakeStats(birthtimeMs: number, mtimeMs = modified.getTime(), ctimeMs = changed.getTime()): Stats {
  return { birthtimeMs, mtimeMs, ctimeMs, birthtime: new Date(Math.round(birthtimeMs)), mtime: new Date(Math.round(mtimeMs)), ctime: new Date(Math.round(ctimeMs)) } as Stats;
}
const stats = (): Stats => fakeStats(created.getTime());

function dateOf(dataDate: unknown, inputPath = "./post.md"): Date {
  return resolvePageDate({ dataDate, inputPath, stats });
}

test("a Date in the data (YAML timestamps arrive as Dates) is used as it is", () => {
  const d = new Date("2023-03-22T00:00:00Z");
  assert.equal(dateOf(d), d);
});

test("an ISO date string without a time is midnight UTC", () => {
  assert.equal(dateOf("2023-03-22").toISOString(), "2023-03-22T00:00:00.000Z");
});

test("an ISO date-time string without a zone is read as UTC; with a zone, the zone is kept", () => {
  assert.equal(dateOf("2023-03-22T12:30:00").toISOString(), "2023-03-22T12:30:00.000Z");
  assert.equal(dateOf("2023-03-22T12:30:00+02:00").toISOString(), "2023-03-22T10:30:00.000Z");
  assert.equal(dateOf("2023-03-22T12:30:00Z").toISOString(), "2023-03-22T12:30:00.000Z");
});

test("`Last Modified` and `Created` read the file's times, in any letter case; Last Modified is the change time (ctime), as in Eleventy", () => {
  assert.equal(dateOf("Last Modified").getTime(), changed.getTime());
  assert.equal(dateOf("last modified").getTime(), changed.getTime());
  assert.equal(dateOf("Created").getTime(), created.getTime());
  assert.equal(dateOf("CREATED").getTime(), created.getTime());
});

test("without a date in the data, a YYYY-MM-DD in the file name gives the date (UTC)", () => {
  assert.equal(dateOf(undefined, "./posts/2016-01-01-my-post.md").toISOString(), "2016-01-01T00:00:00.000Z");
});

test("a YYYY-MM-DD in a folder name counts too, since the whole input path is searched", () => {
  assert.equal(dateOf(undefined, "./posts/2019-12-31/index.md").toISOString(), "2019-12-31T00:00:00.000Z");
});

test("a date in the data wins over a date in the file name", () => {
  assert.equal(dateOf("2023-03-22", "./posts/2016-01-01-my-post.md").toISOString(), "2023-03-22T00:00:00.000Z");
});

test("an empty date in the data falls back to the file name, then the creation time", () => {
  assert.equal(dateOf("", "./2016-01-01-x.md").toISOString(), "2016-01-01T00:00:00.000Z");
  assert.equal(dateOf(null, "./x.md").getTime(), created.getTime());
  assert.equal(dateOf(undefined, "./x.md").getTime(), created.getTime());
});

test("an unreadable date string is an InvalidDate error naming the file and the value", () => {
  assert.throws(
    () => dateOf("next tuesday", "./news/post.md"),
    (e: unknown) => e instanceof PlinthError && e.code === "InvalidDate" && e.location?.file === "./news/post.md" && e.message.includes("next tuesday"),
  );
  assert.throws(() => dateOf("2023-13-45"), (e: unknown) => e instanceof PlinthError && e.code === "InvalidDate");
});

test("a date that is neither a string nor a Date (an object, a boolean) is an InvalidDate error", () => {
  for (const value of [{ year: 2023 }, true, ["2023-01-01"]]) {
    assert.throws(() => dateOf(value), (e: unknown) => e instanceof PlinthError && e.code === "InvalidDate", JSON.stringify(value));
  }
});

test(
  "a number for `date` (YAML `date: 2023`) is an InvalidDate error, as in Eleventy, not milliseconds since 1970",
  () => {
    assert.throws(() => dateOf(2023), (e: unknown) => e instanceof PlinthError && e.code === "InvalidDate");
  },
);

test("with no stats available (a virtual template) and no other source, the date is still a Date", () => {
  const d = resolvePageDate({ dataDate: undefined, inputPath: "./virtual.md", stats: () => undefined });
  assert.ok(d instanceof Date);
  assert.ok(!Number.isNaN(d.getTime()));
});

test("the creation time drops the fraction of a millisecond, as Eleventy's new Date(birthtimeMs) does (Node's stats.birthtime rounds it)", () => {
  const at = (birthtimeMs: number): number => resolvePageDate({ dataDate: undefined, inputPath: "./x.md", stats: () => fakeStats(birthtimeMs) }).getTime();
  const base = Date.UTC(2024, 0, 1);
  assert.equal(at(base + 0.6), base);
  assert.equal(at(base + 0.99), base);
  // Two files created 0.55 ms apart in the same millisecond have the same date, so they sort by path.
  assert.equal(at(base + 0.2), at(base + 0.75));
  assert.equal(resolvePageDate({ dataDate: "Created", inputPath: "./x.md", stats: () => fakeStats(base + 0.7) }).getTime(), base);
  assert.equal(resolvePageDate({ dataDate: "Last Modified", inputPath: "./x.md", stats: () => fakeStats(base, base, base + 5.7) }).getTime(), base + 5);
});

test("a file system that keeps no creation time (birthtimeMs 0) gives the current time, not 1970", () => {
  const before = Date.now();
  for (const dataDate of [undefined, "Created", "Last Modified"]) {
    const d = resolvePageDate({ dataDate, inputPath: "./x.md", stats: () => fakeStats(0) });
    assert.ok(d.getTime() >= before, `${String(dataDate)}: ${d.toISOString()}`);
  }
});

test("a Luxon DateTime in the data (from a JavaScript data file) is taken as its instant", () => {
  class DateTime {
    toJSDate(): Date {
      return new Date("2023-04-05T06:07:08Z");
    }
  }
  assert.equal(dateOf(new DateTime()).toISOString(), "2023-04-05T06:07:08.000Z");
});
