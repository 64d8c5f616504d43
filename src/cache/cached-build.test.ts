import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { test } from "node:test";
import { tempProject, type TempProject } from "../../test/support/temp-project.js";
import { buildUsingCache, type CachedBuild } from "./cached-build.js";

const SITE = {
  "_includes/base.njk": "<title>{{ title }}</title><main>{{ content | safe }}</main><footer>{{ site.name }}</footer>",
  "_data/site.json": `{ "name": "Example Foundation" }`,
  "_data/computed.js": `export default () => ({ flavour: process.env.PLINTH_TEST_FLAVOUR ?? "plain" });`,
  "index.md": "---\nlayout: base.njk\ntitle: Home\n---\nWelcome, {{ computed.flavour }}.\n",
  "news/one.md": "---\nlayout: base.njk\ntitle: One\n---\nThe first post.\n",
  "css/site.css": "body { color: black }",
  "eleventy.config.js": `export default (config) => { config.addPassthroughCopy("css"); };`,
  // The cache lives in node_modules/.cache when the project has node_modules, and goes with the folder.
  "node_modules/.keep": "",
};

function withSite(run: (project: TempProject, build: () => Promise<CachedBuild>) => Promise<void>, files: Record<string, string> = {}): () => Promise<void> {
  return async () => {
    const project = tempProject("cached-build", { ...SITE, ...files });
    try {
      await run(project, () => buildUsingCache({ cwd: project.cwd }));
    } finally {
      project.done();
    }
  };
}

function missReason(outcome: CachedBuild): string {
  assert.equal(outcome.cached, false, "expected a full build");
  return outcome.cached ? "" : (outcome.reason ?? "");
}

function assertHit(outcome: CachedBuild, pages: number, copied: number): void {
  assert.ok(outcome.cached, `expected nothing to do, got a build (${outcome.cached ? "" : outcome.reason})`);
  if (outcome.cached) assert.deepEqual(outcome.summary, { pages, copied });
}

test(
  "a second build over unchanged input and output does nothing",
  withSite(async (project, build) => {
    assert.equal(missReason(await build()), "no cache yet");
    assert.ok(readFileSync(project.abs("_site/news/one/index.html"), "utf8").includes("The first post."));
    assertHit(await build(), 2, 1);
    assertHit(await build(), 2, 1);
  }),
);

test(
  "an edit to a page, a layout, a data file or a passthrough file rebuilds, and the output follows",
  withSite(async (project, build) => {
    await build();
    const edits: [string, string, string, string][] = [
      ["news/one.md", "---\nlayout: base.njk\ntitle: One\n---\nThe first post, edited.\n", "_site/news/one/index.html", "The first post, edited."],
      ["_includes/base.njk", "<title>{{ title }}!</title><main>{{ content | safe }}</main>", "_site/index.html", "<title>Home!</title>"],
      ["_data/site.json", `{ "name": "Other Foundation" }`, "_site/index.html", "Home!"],
      ["css/site.css", "body { color: navy }", "_site/css/site.css", "navy"],
      ["news/two.md", "---\ntitle: Two\n---\nA new post.\n", "_site/news/two/index.html", "A new post."],
    ];
    for (const [file, text, output, expected] of edits) {
      writeFileSync(project.abs(file), text);
      assert.equal(missReason(await build()), `${file} changed`);
      assert.ok(readFileSync(project.abs(output), "utf8").includes(expected), `${output} shows the edit to ${file}`);
      assertHit(await build(), file === "news/two.md" ? 3 : 2, 1);
    }
    rmSync(project.abs("news/two.md"));
    assert.equal(missReason(await build()), "news/two.md changed");
  }),
);

test(
  "a file saved again with the same bytes is no change",
  withSite(async (project, build) => {
    await build();
    writeFileSync(project.abs("news/one.md"), SITE["news/one.md"]);
    writeFileSync(project.abs("_data/site.json"), SITE["_data/site.json"]);
    assertHit(await build(), 2, 1);
  }),
);

test(
  "an output file deleted or edited by hand rebuilds",
  withSite(async (project, build) => {
    await build();
    rmSync(project.abs("_site/news/one/index.html"));
    assert.equal(missReason(await build()), "the output folder changed");
    assert.ok(existsSync(project.abs("_site/news/one/index.html")));
    writeFileSync(project.abs("_site/index.html"), "vandalised, and longer than before");
    assert.equal(missReason(await build()), "the output folder changed");
    assert.ok(readFileSync(project.abs("_site/index.html"), "utf8").includes("<title>Home</title>"));
    rmSync(project.abs("_site"), { recursive: true });
    assert.equal(missReason(await build()), "the output folder changed");
    assertHit(await build(), 2, 1);
  }),
);

test(
  "global data computed at build time is compared by value",
  withSite(async (project, build) => {
    await build();
    process.env.PLINTH_TEST_FLAVOUR = "spicy";
    try {
      assert.equal(missReason(await build()), "global data changed");
      assert.ok(readFileSync(project.abs("_site/index.html"), "utf8").includes("Welcome, spicy."));
      assertHit(await build(), 2, 1);
    } finally {
      delete process.env.PLINTH_TEST_FLAVOUR;
    }
  }),
);

test(
  "the environment variables builds branch on are part of the key",
  withSite(async (_project, build) => {
    await build();
    process.env.ELEVENTY_ENV = "production";
    try {
      assert.equal(missReason(await build()), "options, environment or Plinth changed");
      assertHit(await build(), 2, 1);
    } finally {
      delete process.env.ELEVENTY_ENV;
    }
  }),
);

test(
  "a site that listens for the build's results is always built",
  withSite(
    async (project, build) => {
      for (let run = 1; run <= 2; run++) {
        const outcome = await build();
        assert.equal(outcome.cached, false);
        assert.equal(missReason(outcome), "");
      }
      assert.equal(readFileSync(project.abs("after.log"), "utf8"), "built\nbuilt\n");
    },
    {
      "eleventy.config.js": `import { appendFileSync } from "node:fs";\nexport default (config) => { config.on("eleventy.after", () => appendFileSync(new URL("after.log", import.meta.url), "built\\n")); };`,
    },
  ),
);

test(
  "a failed build leaves no record: the next build runs again",
  withSite(async (project, build) => {
    await build();
    writeFileSync(project.abs("news/one.md"), "---\nlayout: base.njk\ntitle: One\n---\n{% if %}\n");
    await assert.rejects(build());
    await assert.rejects(build());
    writeFileSync(project.abs("news/one.md"), SITE["news/one.md"]);
    assert.equal(missReason(await build()), "no cache yet");
    mkdirSync(project.abs("empty"));
    assertHit(await build(), 2, 1);
  }),
);

test(
  "a layout changed while the build runs, after the build read it, is not recorded as built",
  withSite(
    async (project, build) => {
      // The filter rewrites the layout while pages render, after it was read, with as many bytes:
      // the output has the old layout, so the next build must not count the new file as built.
      assert.equal(missReason(await build()), "no cache yet");
      assert.ok(readFileSync(project.abs("_site/index.html"), "utf8").startsWith("<title>Home</title>"));
      assert.ok(readFileSync(project.abs("_includes/base.njk"), "utf8").startsWith("<TITLE>"));
      const again = await build();
      assert.equal(again.cached, false, "the build after it runs in full");
      assert.ok(readFileSync(project.abs("_site/index.html"), "utf8").startsWith("<TITLE>Home</TITLE>"));
    },
    {
      "_includes/base.njk": "<title>{{ title | relayout }}</title><main>{{ content | safe }}</main>",
      "eleventy.config.js": `import { writeFileSync } from "node:fs";
export default (config) => {
  config.addPassthroughCopy("css");
  config.addFilter("relayout", (value) => {
    writeFileSync(new URL("./_includes/base.njk", import.meta.url), "<TITLE>{{ title | relayout }}</TITLE><main>{{ content | safe }}</main>");
    return value;
  });
};`,
    },
  ),
);
