import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { tempProject } from "../../test/support/temp-project.js";
import { addRedirect } from "./redirects-file.js";

test("a rename adds a redirect, re-points redirects to the old URL, and keeps the file's shape", () => {
  const site = tempProject("redirects-file", { "_data/redirects.json": `{"/2019/a/": "/news/a/"}\n` });
  try {
    const file = site.abs("_data/redirects.json");
    addRedirect(file, "/news/a/", "/news/b/");
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { "/2019/a/": "/news/b/", "/news/a/": "/news/b/" });
    addRedirect(file, "/news/b/", "/news/a/");
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { "/2019/a/": "/news/a/", "/news/b/": "/news/a/" }, "renaming back drops the redirect that would loop");

    writeFileSync(file, `[{"from": "/x/", "to": "/y/", "status": 302}]`);
    addRedirect(file, "/y/", "/z/");
    assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), [{ from: "/x/", to: "/z/", status: 302 }, { from: "/y/", to: "/z/", status: 301 }]);

    const fresh = site.abs("_data/new.json");
    addRedirect(fresh, "/old/", "/new/");
    assert.equal(readFileSync(fresh, "utf8"), `{\n  "/old/": "/new/"\n}\n`);
    assert.throws(() => addRedirect(fresh, "old", "/new/"), /must be a path starting with "\/"/);
  } finally {
    site.done();
  }
});
