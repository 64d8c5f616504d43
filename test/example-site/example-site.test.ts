// Builds the bundled example site (examples/foundation) with Plinth and checks what a reader
// of it must see: the seed post's page exactly as issue 2 lists it, the paginated news
// index, the tag pages, the members roster in tier order, the 404 page and the feed.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { buildExampleSite, type BuildResult, type SiteBuilder } from "./build-example-site.js";
import {
  byAttribute,
  byClass,
  byTag,
  childElements,
  findAll,
  type Document,
  type Element,
  isInside,
  only,
  parseHtml,
  parseXml,
  squashedText,
  text,
} from "./html.js";
import { readMembers, readPosts, readTiers } from "./site-source.js";

// Plinth is what this suite tests. Setting PLINTH_EXAMPLE_BUILDER=eleventy runs the same
// assertions against Eleventy 3, the reference, to tell a site bug from an engine bug.
const builder: SiteBuilder = process.env["PLINTH_EXAMPLE_BUILDER"] === "eleventy" ? "eleventy" : "plinth";

const NBSP = "\u00a0";
const SEED_URL = "/news/2023-03-22-openinfra-associate-membership/";
const SEED_TITLE = "Rust Foundation Joins Open Infrastructure Foundation as Associate Member";
// The YAML `\_` escape at the end of the seed's description is a non-breaking space.
const SEED_DESCRIPTION =
  "he Rust Foundation is pleased to announce its new status as an Associate Member of the Open Infrastructure " +
  "Foundation (OpenInfra) – an organization that seeks to protect, empower, and promote the Open Infrastructure " +
  `community and open source software projects globally.${NBSP}`;
const SEED_IMAGE = "/img/news/2023-03-22-openinfra-associate-membership/open-infra-associate-membership.png";
const POSTS_PER_PAGE = 10;

let outDir = "";
let build: BuildResult;

function outputPath(url: string): string {
  const relative = url.endsWith("/") ? `${url}index.html` : url;
  return path.join(outDir, ...relative.split("/").filter(Boolean));
}

function readOutput(url: string): string {
  const file = outputPath(url);
  assert.ok(existsSync(file), `${url} was not written (${file})`);
  return readFileSync(file, "utf8");
}

function page(url: string): Document {
  return parseHtml(readOutput(url));
}

function headOf(doc: Document): Element {
  return only(byTag(doc, "head"), "<head>");
}

function metaContent(doc: Document, name: string): string[] {
  return byAttribute(headOf(doc), "name", name)
    .filter((element) => element.name === "meta")
    .map((element) => element.attribs["content"] ?? "");
}

/** The `href`s of the post cards on a list page, in order. */
function listedPostUrls(doc: Document): string[] {
  return byClass(doc, "post-card").map((card) => {
    const title = only(byClass(card, "post-card-title"), "post card title");
    return only(byTag(title, "a"), "post card link").attribs["href"] ?? "";
  });
}

before(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), "plinth-example-site-"));
  build = await buildExampleSite(builder, outDir);
}, { timeout: 120_000 });

after(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe(`example site built with ${builder}`, () => {
  test("builds with exit code 0 and no warnings", () => {
    assert.equal(build.code, 0, `build failed:\n${build.stdout}\n${build.stderr}`);
    assert.equal(build.stderr.trim(), "", "the build wrote to stderr");
  });

  describe("the seed post's page", () => {
    let doc: Document;
    let article: Element;
    let body: Element;

    before(() => {
      doc = page(SEED_URL);
      const main = only(byTag(doc, "main"), "<main>");
      article = only(byTag(main, "article"), "<article> in <main>");
      body = only(byClass(article, "post-body"), ".post-body");
    });

    test("is in English, with a skip link to the main landmark", () => {
      const html = only(byTag(doc, "html"), "<html>");
      assert.equal(html.attribs["lang"], "en");
      const main = only(byTag(doc, "main"), "<main>");
      const skip = only(byClass(doc, "skip-link"), "skip link");
      assert.equal(skip.attribs["href"], `#${main.attribs["id"]}`);
    });

    test("shows the title as the page's only h1 and in <title>", () => {
      const h1 = only(byTag(doc, "h1"), "<h1>");
      assert.ok(isInside(h1, article));
      assert.equal(text(h1), SEED_TITLE);
      assert.equal(text(only(byTag(headOf(doc), "title"), "<title>")), `${SEED_TITLE} · Lintel Foundation`);
    });

    test("shows the description with the YAML \\_ as a non-breaking space", () => {
      const description = only(byClass(article, "post-description"), ".post-description");
      assert.equal(description.name, "p");
      assert.equal(text(description), SEED_DESCRIPTION);
      assert.ok(text(description).endsWith(NBSP));
      assert.ok(!text(description).includes("\\"), "the YAML escape leaked into the output");
      assert.deepEqual(metaContent(doc, "description"), [SEED_DESCRIPTION]);
    });

    test("has no byline element when byline is empty", () => {
      assert.equal(byClass(doc, "byline").length, 0);
      // The same layout does show a byline that is set, so the absence above means something.
      const withByline = page("/news/2022-09-14-lintel-foundation-launches/");
      const byline = only(byClass(withByline, "byline"), ".byline");
      assert.equal(text(byline), "By Amara Okafor, Executive Director");
    });

    test("shows the date as 22 Mar 2023 in <time datetime=\"2023-03-22\">", () => {
      const header = only(byClass(article, "post-header"), ".post-header");
      const time = only(byTag(header, "time"), "<time> in the post header");
      assert.equal(time.attribs["datetime"], "2023-03-22");
      assert.equal(text(time), "22 Mar 2023");
    });

    test("shows the image, which exists in the output as a PNG", () => {
      const image = only(byTag(body, "img"), "<img> in the post body");
      assert.deepEqual(image.attribs, {
        src: SEED_IMAGE,
        width: "580",
        height: "326",
        alt: "[Heading] The Rust Foundation Joins Open Infrastructure Foundation as Associate Member",
        title: "OpenInfra Associate Membership",
      });
      const bytes = readFileSync(outputPath(SEED_IMAGE));
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });

    test("renders the post's headings in order", () => {
      const headings = findHeadings(body).map((heading) => [heading.name, text(heading)]);
      assert.deepEqual(headings, [
        [
          "h3",
          `Today, we are pleased to share that we have joined the ${NBSP}OpenInfra Foundation as an Associate Member. ` +
            `Read on to learn more about OpenInfra’s important work and why we have chosen to get involved.${NBSP}`,
        ],
        ["h2", "About the Open Infrastructure Foundation"],
        ["h2", "About our OpenInfra Associate Membership"],
      ]);
    });

    test("renders the bold underlined link as <a><strong><u>", () => {
      const h3 = only(byTag(body, "h3"), "<h3>");
      const link = only(byTag(h3, "a"), "link in the h3");
      assert.equal(link.attribs["href"], "https://openinfra.dev/");
      const strong = only(childElements(link), "child of the link");
      assert.equal(strong.name, "strong");
      const underline = only(childElements(strong), "child of the <strong>");
      assert.equal(underline.name, "u");
      assert.equal(text(underline), "OpenInfra Foundation");
      // Every link in the post body is underlined, as the source writes them.
      const links = byTag(body, "a").map((a) => [a.attribs["href"], byTag(a, "u").map(text)]);
      assert.deepEqual(links, [
        ["https://openinfra.dev/", ["OpenInfra Foundation"]],
        ["https://openinfra.dev/projects/hosting/#our-model", ["sustainability"]],
        ["https://openinfra.dev/projects/hosting/#four-opens", ["collaboration"]],
        ["https://openinfra.dev/members/", ["roster"]],
        ["https://openinfra.dev/", ["openinfra.dev"]],
      ]);
    });

    test("puts the closing quote in <em> as a paragraph of its own", () => {
      const quote = only(
        byTag(body, "em").filter((em) => text(em).startsWith("“Open source foundations")),
        "<em> holding the quote",
      );
      assert.ok(text(quote).endsWith(`as an Associate Member .”${NBSP}`));
      const paragraph = quote.parent;
      assert.ok(paragraph && "name" in paragraph && paragraph.name === "p", "the quote is not directly in a <p>");
      assert.deepEqual(childElements(paragraph), [quote]);
    });

    test("asks robots not to index it (index: false)", () => {
      assert.deepEqual(metaContent(doc, "robots"), ["noindex"]);
      // A post with `index: true` has no such meta, so the tag above comes from the front matter.
      assert.deepEqual(metaContent(page("/news/2023-03-01-board-election-results/"), "robots"), []);
    });

    test("links its tag to /tags/announcement/", () => {
      const tagLinks = byAttribute(article, "rel", "tag");
      assert.deepEqual(
        tagLinks.map((a) => [a.attribs["href"], text(a)]),
        [["/tags/announcement/", "announcement"]],
      );
      assert.ok(existsSync(outputPath("/tags/announcement/")));
    });

    test("links to the previous and next posts", () => {
      const posts = readPosts();
      const index = posts.findIndex((post) => post.url === SEED_URL);
      const previous = posts[index - 1]!;
      const next = posts[index + 1]!;
      assert.equal(previous.stem, "2023-03-01-board-election-results");
      assert.equal(next.stem, "2023-04-12-trademark-policy-draft");

      const nav = only(byClass(article, "post-nav"), ".post-nav");
      assert.equal(nav.name, "nav");
      const previousLink = only(byAttribute(nav, "rel", "prev"), "rel=prev link");
      const nextLink = only(byAttribute(nav, "rel", "next"), "rel=next link");
      assert.equal(previousLink.attribs["href"], previous.url);
      assert.equal(nextLink.attribs["href"], next.url);
      assert.equal(squashedText(previousLink), `Previous ${previous.title}`);
      assert.equal(squashedText(nextLink), `Next ${next.title}`);
    });
  });

  test("the news index lists every post, newest first, 10 to a page", () => {
    const posts = readPosts();
    assert.equal(posts.length, 13);
    const pageCount = Math.ceil(posts.length / POSTS_PER_PAGE);
    assert.equal(pageCount, 2);

    const pageUrls = ["/news/", "/news/page/2/"];
    const listed = pageUrls.map((url) => listedPostUrls(page(url)));
    assert.deepEqual(listed.map((urls) => urls.length), [10, 3]);
    assert.deepEqual(listed.flat(), posts.map((post) => post.url).reverse());
    assert.ok(!existsSync(outputPath("/news/page/3/")), "an empty third page was written");

    for (const post of posts) assert.ok(existsSync(outputPath(post.url)), `${post.url} was not written`);

    for (const [index, url] of pageUrls.entries()) {
      const nav = only(byClass(page(url), "pagination"), ".pagination");
      const current = only(byAttribute(nav, "aria-current", "page"), "current page link");
      assert.equal(current.attribs["href"], url);
      assert.equal(text(current), `Page ${index + 1}`);
    }
  });

  test("each topic tag has a page listing its posts, newest first", () => {
    const posts = readPosts();
    const tagged = posts.filter((post) => post.tags.includes("announcement")).reverse();
    const doc = page("/tags/announcement/");
    assert.equal(text(only(byTag(doc, "h1"), "<h1>")), "Tagged “announcement”");
    assert.deepEqual(listedPostUrls(doc), tagged.map((post) => post.url));
    assert.ok(listedPostUrls(doc).includes(SEED_URL));

    const topics = new Set(posts.flatMap((post) => post.tags));
    for (const topic of topics) assert.ok(existsSync(outputPath(`/tags/${topic}/`)), `no page for tag ${topic}`);
    // "news" names the collection of all posts, not a topic.
    assert.ok(!existsSync(outputPath("/tags/news/")));
  });

  test("the members roster lists active members grouped by tier, in tier order, by name", () => {
    const members = readMembers();
    const tiers = readTiers();
    assert.deepEqual(tiers.map((tier) => tier.id), ["platinum", "gold", "silver", "associate"]);
    const inactive = members.filter((member) => member.status !== "active");
    assert.ok(inactive.length > 0, "the example should keep an inactive member to show the filter");

    const doc = page("/members/");
    const sections = byTag(doc, "section").filter((section) => byClass(section, "member-grid").length > 0);
    const roster = sections.map((section) => ({
      tier: text(only(byTag(section, "h2"), "tier heading")),
      names: byClass(section, "member-name").map(squashedText),
    }));
    const expected = tiers.map((tier) => ({
      tier: `${tier.name} members`,
      names: members
        .filter((member) => member.level === tier.id && member.status === "active")
        .map((member) => member.name)
        .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    }));
    assert.deepEqual(roster, expected);

    const shown = new Set(roster.flatMap((group) => group.names));
    for (const member of inactive) assert.ok(!shown.has(member.name), `${member.name} (${member.status}) is listed`);

    // Each active member's logo is on the page and copied to the output as an SVG with a viewBox.
    const logos = byClass(doc, "member-logo").map((img) => img.attribs["src"] ?? "");
    const activeLogos = members.filter((member) => member.status === "active").map((member) => member.logo);
    assert.deepEqual([...logos].sort(), [...activeLogos].sort());
    for (const logo of logos) {
      const svg = parseXml(readOutput(logo));
      assert.ok(only(byTag(svg, "svg"), `<svg> in ${logo}`).attribs["viewBox"], `${logo} has no viewBox`);
    }
  });

  test("the 404 page exists at /404.html and is not indexed", () => {
    const doc = page("/404.html");
    assert.equal(text(only(byTag(doc, "h1"), "<h1>")), "Page not found");
    assert.deepEqual(metaContent(doc, "robots"), ["noindex"]);
  });

  test("the Atom feed lists every post, newest first", () => {
    const posts = readPosts().reverse();
    const feed = parseXml(readOutput("/feed.xml"));
    const root = only(byTag(feed, "feed"), "<feed>");
    assert.equal(root.attribs["xmlns"], "http://www.w3.org/2005/Atom");
    const entries = byTag(root, "entry");
    assert.deepEqual(
      entries.map((entry) => text(only(byTag(entry, "title"), "entry title"))),
      posts.map((post) => post.title),
    );
    const seed = only(
      entries.filter((entry) => text(only(byTag(entry, "title"), "entry title")) === SEED_TITLE),
      "seed entry",
    );
    assert.equal(only(byTag(seed, "link"), "entry link").attribs["href"], `https://lintel.example.org${SEED_URL}`);
    assert.equal(text(only(byTag(seed, "updated"), "entry updated")), "2023-03-22T12:30:00.000Z");
    assert.equal(text(only(byTag(seed, "summary"), "entry summary")), SEED_DESCRIPTION);
  });
});

function findHeadings(root: Element): Element[] {
  return findAll(root, (element) => /^h[1-6]$/.test(element.name));
}
