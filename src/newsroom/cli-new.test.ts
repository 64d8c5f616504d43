// `plinth new` in throwaway sites: the file it writes (name, front matter, body), the URL it
// prints, and what it refuses.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { tempProject } from "../../test/support/temp-project.js";
import { runNewCommand } from "./cli-new.js";
import { writeNewFile } from "./write-new-file.js";

async function plinthNew(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runNewCommand(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const post = (lines: string[], body = "Text.\n"): string => `---\n${lines.join("\n")}\n---\n${body}`;

test("a news post named as the folder names them, with the folder's common front matter and now in the site's time zone", async () => {
  const site = tempProject("new-news", {
    "_data/site.json": `{"url": "https://x.example", "timezone": "America/New_York"}`,
    "news/news.json": `{"tags": ["news"]}`,
    "news/index.njk": "---\ntitle: News\n---\n",
    "news/2023-03-22-openinfra.md": post(["title: OpenInfra", "byline:", "description: d", "date: 2023-03-22", "tags: [announcement, news]", "index: false", "layout: layouts/news.njk"]),
    "news/2023-04-01-second.md": post(["title: Second", "description: e", "date: 2023-04-01", "tags: announcement", "index: false", "layout: layouts/news.njk"]),
    "news/2023-05-01-third.md": post(["title: Third", "date: 2023-05-01", "tags: [events]", "layout: layouts/other.njk"]),
  });
  const previous = process.env.PLINTH_NOW;
  process.env.PLINTH_NOW = "2026-01-02T03:30:15Z";
  try {
    const result = await plinthNew(site.cwd, "news", "Plinth 1.0: Released!");
    assert.equal(result.code, 0, result.stderr);
    // 03:30 UTC on 2 January is still 1 January in New York: the date and the file name say so.
    const file = "news/2026-01-01-plinth-1-0-released.md";
    assert.equal(result.stdout, `[new] Wrote ${file}\n[new] Its URL will be /news/2026-01-01-plinth-1-0-released/\n`);
    assert.equal(
      readFileSync(site.abs(file), "utf8"),
      ["---", "title: 'Plinth 1.0: Released!'", "date: 2026-01-01T22:30:00-05:00", "description:", "index: false", "layout: layouts/news.njk", "tags: [announcement]", "---", ""].join("\n"),
    );
    assert.deepEqual(readdirSync(site.abs("news")).filter((name) => name.startsWith(".")), [], "no temporary file is left");

    const again = await plinthNew(site.cwd, "news", "Plinth 1.0 released", "--date", "2027-01-01");
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^\[NewSlugTaken\] An entry with this slug already exists\n {2}"Plinth 1\.0 released" gives the slug "plinth-1-0-released", which news\/2026-01-01-plinth-1-0-released\.md already has\./);
    assert.equal(existsSync(site.abs("news/2027-01-01-plinth-1-0-released.md")), false);
  } finally {
    if (previous === undefined) delete process.env.PLINTH_NOW;
    else process.env.PLINTH_NOW = previous;
    site.done();
  }
});

test("a template gives the front matter and body; --draft and --date; folder-per-entry naming; a templated permalink gives the URL", async () => {
  const site = tempProject("new-events", {
    "events/events.11tydata.json": `{"permalink": "/events/{{ page.fileSlug }}/{{ title | slugify }}/", "layout": "event.njk"}`,
    "events/rustconf/index.md": post(["title: RustConf", "date: 2024-09-10"]),
    "_templates/events.md": post(["title: placeholder", "location: ''", "starts:", "tags: [events]"], "\n## Programme\n\nTo follow.\n"),
  });
  try {
    const result = await plinthNew(site.cwd, "events", "LintelConf 2027", "--date", "2027-06-01T09:00", "--tz", "Europe/Paris", "--draft");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "[new] Wrote events/lintelconf-2027/index.md (from _templates/events.md)\n[new] Its URL will be /events/lintelconf-2027/lintelconf-2027/\n");
    assert.equal(
      readFileSync(site.abs("events/lintelconf-2027/index.md"), "utf8"),
      ["---", "title: LintelConf 2027", "date: 2027-06-01T09:00:00+02:00", "location: ''", "starts:", "tags: [events]", "draft: true", "---", "## Programme", "", "To follow.", ""].join("\n"),
    );
  } finally {
    site.done();
  }
});

test("unknown folders, missing titles and bad time zones are clear errors", async () => {
  const site = tempProject("new-errors", { "news/a.md": post(["title: A"]), "css/site.css": "" });
  try {
    const unknown = await plinthNew(site.cwd, "blog", "Hello");
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /\[NewCollectionUnknown\] No such collection folder\n {2}The site has no folder "blog" for entries\.\n {2}hint: Use one of the site's folders: news; or create the folder "blog" first\./);
    assert.match((await plinthNew(site.cwd, "../elsewhere", "Hello")).stderr, /NewCollectionUnknown/);
    assert.match((await plinthNew(site.cwd, "news")).stderr, /\[NewTitleMissing\]/);
    assert.match((await plinthNew(site.cwd, "news", "?!")).stderr, /gives no slug/);
    assert.match((await plinthNew(site.cwd, "news", "B", "--tz", "Mars/Olympus")).stderr, /\[NewTimeZoneInvalid\][\s\S]*"Mars\/Olympus" is not a time zone/);
    assert.deepEqual(readdirSync(site.abs("news")), ["a.md"]);
  } finally {
    site.done();
  }
});

test("writeNewFile never replaces a file", () => {
  const site = tempProject("new-write", { "a.md": "old" });
  try {
    assert.equal(writeNewFile(site.abs("a.md"), "new"), false);
    assert.equal(readFileSync(site.abs("a.md"), "utf8"), "old");
    assert.equal(writeNewFile(site.abs("deeper/b.md"), "new"), true);
    assert.equal(readFileSync(site.abs("deeper/b.md"), "utf8"), "new");
    writeFileSync(site.abs("c.md"), "x");
    assert.deepEqual(readdirSync(site.cwd).sort(), ["a.md", "c.md", "deeper"]);
  } finally {
    site.done();
  }
});
