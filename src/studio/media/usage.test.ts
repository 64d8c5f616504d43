import assert from "node:assert/strict";
import { test } from "node:test";
import { referencesIn, UsageIndex } from "./usage.js";

test("image references are read from the root, from the file's folder, and as members' bare logo names", () => {
  const site = { pathPrefix: "/docs/", bareNames: new Map([["members", "img/members"]]) };
  const text = `---\nlogo: acme.svg\nimage: img/news/a.png\n---\n![x](/docs/img/news/b.PNG?v=2) <img src="../img/c.jpg"> url('/img/d.webp#x')\nhttps://cdn.example.com/img/e.png //cdn/f.png`;
  assert.deepEqual([...referencesIn(text, "members/acme.md", site)].sort(), [
    "acme.svg",
    "img/c.jpg",
    "img/d.webp",
    "img/members/acme.svg",
    "img/news/a.png",
    "img/news/b.PNG",
    "members/acme.svg",
    "members/img/news/a.png",
  ]);
  assert.deepEqual([...referencesIn("logo: acme.svg", "news/post.md", site)].sort(), ["acme.svg", "news/acme.svg"]);
});

test("where used: each image's content files, through a passthrough copy's new place too", () => {
  const index = new UsageIndex();
  const site = { inputDir: "/site", pathPrefix: "/", outputs: new Map([["assets/photos/a.png", "img/a.png"]]) };
  const docs = [
    { file: "news/one.md", text: "![a](/img/a.png)" },
    { file: "news/two.md", text: "![b](/assets/photos/b.png) and ![a](/img/a.png)" },
    { file: "_data/site.json", text: '{"logo": "/assets/photos/b.png"}' },
    { file: "about.md", text: "no images" },
  ];
  const used = index.usedBy(site, ["assets/photos/a.png", "assets/photos/b.png", "assets/photos/c.png"], docs);
  assert.deepEqual(Object.fromEntries(used), {
    "assets/photos/a.png": ["news/one.md", "news/two.md"],
    "assets/photos/b.png": ["_data/site.json", "news/two.md"],
    "assets/photos/c.png": [],
  });
  // A changed text is read again; an unchanged one keeps its references.
  docs[0] = { file: "news/one.md", text: "gone" };
  assert.deepEqual(index.usedBy(site, ["assets/photos/a.png"], docs).get("assets/photos/a.png"), ["news/two.md"]);
});
