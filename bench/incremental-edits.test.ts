import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdit, editMarker, planEdits, POST_LAYOUT, postOutputPath, type Edit } from "./incremental-edits.js";

const POST = `---
title: "Basalt 1.10 released"
description: "A short summary."
date: 2012-12-25T19:13:00Z
layout: layouts/post.njk
---
First paragraph.

Last paragraph.
`;

const LAYOUT = `---
layout: layouts/base.njk
---
<article class="post">
  <h1>{{ title }}</h1>
</article>
`;

function edit(kind: Edit["kind"], revision: number): Edit {
  return { kind, file: kind === "layout" ? POST_LAYOUT : "news/a.md", post: "news/a.md", revision };
}

describe("planEdits", () => {
  const posts = ["news/a.md", "news/b.md", "news/c.md", "news/d.md"];

  it("plans the same edits for the same seed", () => {
    assert.deepEqual(planEdits(posts, ["body", "title"], 5, "s"), planEdits(posts, ["body", "title"], 5, "s"));
    assert.notDeepEqual(planEdits(posts, ["body"], 8, "s"), planEdits(posts, ["body"], 8, "t"));
  });

  it("gives each kind its count, in order, with increasing revisions", () => {
    const edits = planEdits(posts, ["body", "title", "layout"], 3, "s", 10);
    assert.deepEqual(edits.map((e) => e.kind), ["body", "body", "body", "title", "title", "title", "layout", "layout", "layout"]);
    assert.deepEqual(edits.map((e) => e.revision), [10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it("saves the post for post edits and the layout for layout edits", () => {
    for (const e of planEdits(posts, ["body", "title", "layout"], 4, "s")) {
      assert.ok(posts.includes(e.post));
      assert.equal(e.file, e.kind === "layout" ? POST_LAYOUT : e.post);
    }
  });

  it("refuses a site without posts", () => {
    assert.throws(() => planEdits([], ["body"], 1, "s"), /no posts/);
  });
});

describe("applyEdit", () => {
  it("appends the body marker as a paragraph of its own", () => {
    const text = applyEdit(POST, edit("body", 3));
    assert.ok(text.startsWith(POST));
    assert.ok(text.endsWith(`\n\n${editMarker(edit("body", 3))}\n`));
  });

  it("changes only the title line, replacing an earlier revision suffix", () => {
    const once = applyEdit(POST, edit("title", 4));
    assert.match(once, /^title: "Basalt 1.10 released \(revision 4\)"$/m);
    const twice = applyEdit(once, edit("title", 9));
    assert.match(twice, /^title: "Basalt 1.10 released \(revision 9\)"$/m);
    assert.equal(twice.replace(/ \(revision 9\)/, ""), POST);
  });

  it("sets a data attribute on the layout's article tag, each revision replacing the last", () => {
    const once = applyEdit(LAYOUT, edit("layout", 5));
    assert.match(once, /<article class="post" data-revision="5">/);
    const twice = applyEdit(once, edit("layout", 6));
    assert.match(twice, /<article class="post" data-revision="6">/);
    assert.doesNotMatch(twice, /data-revision="5"/);
  });

  it("refuses files that are not the generated ones", () => {
    assert.throws(() => applyEdit("no front matter\n", edit("title", 1)), /no double-quoted title/);
    assert.throws(() => applyEdit("<div></div>\n", edit("layout", 1)), /no <article/);
  });
});

describe("postOutputPath", () => {
  it("writes a post to a folder of its own, and an index file in place", () => {
    assert.equal(postOutputPath("news/basalt-1-10-released-72.md"), "news/basalt-1-10-released-72/index.html");
    assert.equal(postOutputPath("news/index.md"), "news/index.html");
  });
});
