// A foundation moving from CloudCannon keeps its setup: the config is read by a real studio on
// a copy of the example site, and the schema the app gets carries its labels and upload folders.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startStudioSite, type StudioSite } from "../../../test/support/studio-site.js";
import { CLOUDCANNON_CONFIG, DECAP_CONFIG } from "./samples.test-data.js";
import type { SchemaOverrides } from "./types.js";

interface SchemaAnswer {
  fields: { name: string; label?: string; type: string; uploadFolder?: string; options?: string[] }[];
  body?: boolean;
  toolbar?: string[] | null;
}

describe("studio with another CMS's config", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
    writeFileSync(path.join(site.dir, "cloudcannon.config.yml"), CLOUDCANNON_CONFIG);
    writeFileSync(path.join(site.dir, "studio.config.yml"), "media:\n  maxSize: 1MB\ncollections:\n  news:\n    fields:\n      description:\n        label: Summary\n");
  });
  after(() => site.close());

  it("GET /api/config tells which configs were read and what they say", async () => {
    const res = await site.api<SchemaOverrides>("GET", "/api/config");
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.sources, ["cloudcannon.config.yml", "studio.config.yml"]);
    assert.equal(res.json.media.maxBytes, 1024 * 1024);
    assert.deepEqual(res.json.diagnostics, []);
  });

  it("the members collection's schema has the logo's upload folder, the tier's label, and no body", async () => {
    const res = await site.api<SchemaAnswer>("GET", "/api/schema?collection=members");
    assert.equal(res.status, 200, res.text);
    const logo = res.json.fields.find((f) => f.name === "logo")!;
    assert.deepEqual([logo.type, logo.uploadFolder], ["image", "img/members"]);
    assert.equal(res.json.fields.find((f) => f.name === "level")?.label, "Membership tier");
    assert.equal(res.json.body, false);
  });

  it("the news schema takes labels from both configs and the rich-text toolbar", async () => {
    const res = await site.api<SchemaAnswer>("GET", "/api/schema?collection=news");
    assert.equal(res.json.fields.find((f) => f.name === "description")?.label, "Summary");
    assert.equal(res.json.fields.find((f) => f.name === "date")?.label, "Publication date");
    assert.ok(res.json.toolbar?.includes("underline"));
  });

  it("the media library offers the configured upload folders, and the size limit applies", async () => {
    const listing = await site.api<{ folders: string[]; maxBytes: number }>("GET", "/api/media?folder=img/people");
    assert.equal(listing.status, 200, listing.text);
    for (const folder of ["img/people", "img/members", "img/uploads", "img/news"]) assert.ok(listing.json.folders.includes(folder), folder);
    assert.equal(listing.json.maxBytes, 1024 * 1024);
  });
});

describe("studio with a Decap/Sveltia config", () => {
  let site: StudioSite;
  before(async () => {
    site = await startStudioSite();
    mkdirSync(path.join(site.dir, "admin"), { recursive: true });
    writeFileSync(path.join(site.dir, "admin/config.yml"), DECAP_CONFIG);
  });
  after(() => site.close());

  it("the members form gets the tier choices, the logo folder and data-only editing", async () => {
    const res = await site.api<SchemaAnswer>("GET", "/api/schema?collection=members");
    assert.equal(res.status, 200, res.text);
    const level = res.json.fields.find((f) => f.name === "level")!;
    assert.deepEqual([level.type, level.label, level.options], ["select", "Tier", ["platinum", "gold", "silver", "associate"]]);
    assert.equal(res.json.fields.find((f) => f.name === "logo")?.uploadFolder, "img/members");
    assert.equal(res.json.body, false);
  });

  it("the news form keeps the config's field order, labels and the Markdown buttons", async () => {
    const res = await site.api<SchemaAnswer>("GET", "/api/schema?collection=news");
    assert.deepEqual(res.json.fields.slice(0, 4).map((f) => f.name), ["title", "byline", "description", "date"]);
    assert.equal(res.json.fields.find((f) => f.name === "image")?.uploadFolder, "img/news");
    assert.equal(res.json.body, true);
    assert.deepEqual(res.json.toolbar, ["bold", "italic", "link", "heading", "quote", "list", "ordered-list", "image"]);
  });
});
