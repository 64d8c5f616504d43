import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { isPlinthError } from "../errors/plinth-error.js";
import { displayPath } from "./diagnostics.js";
import membersPlugin, { type EleventyConfigApi, type MembersPluginOptions } from "./plugin.js";
import type { MembershipData } from "./roster.js";
import { memberMd, sampleSite } from "./temp-site.js";

/** Records what the plugin registers, standing in for Eleventy's `eleventyConfig`. */
class FakeConfig implements EleventyConfigApi {
  readonly globalData = new Map<string, unknown>();
  readonly filters = new Map<string, (value: unknown, ...args: unknown[]) => unknown>();
  readonly templates = new Map<string, { content: unknown; data?: Record<string, unknown> }>();
  readonly listeners = new Map<string, (arg: unknown) => unknown>();
  addGlobalData(name: string, data: unknown): void {
    this.globalData.set(name, data);
  }
  addFilter(name: string, filter: (value: unknown, ...args: unknown[]) => unknown): void {
    this.filters.set(name, filter);
  }
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void {
    this.templates.set(virtualPath, { content, data });
  }
  on(event: string, listener: (arg: unknown) => unknown): void {
    this.listeners.set(event, listener);
  }
  async before(site: string): Promise<void> {
    await this.listeners.get("eleventy.before")!({ directories: { input: site, data: path.join(site, "_data") } });
  }
  async data(name = "membership"): Promise<MembershipData> {
    return (await (this.globalData.get(name) as () => Promise<MembershipData>)()) as MembershipData;
  }
  render(virtualPath: string): string {
    return (this.templates.get(virtualPath)!.content as () => string)();
  }
}

function setUp(options: MembersPluginOptions = {}): { config: FakeConfig; warnings: string[] } {
  const config = new FakeConfig();
  const warnings: string[] = [];
  membersPlugin(config, { gitDates: false, log: (line) => warnings.push(line), ...options });
  return { config, warnings };
}

test("the plugin registers its data, filters and four outputs through Eleventy's API", async () => {
  const { config } = setUp();
  assert.deepEqual([...config.globalData.keys()], ["membership"]);
  assert.deepEqual([...config.filters.keys()], ["memberByName", "membersInTier", "tierById"]);
  assert.deepEqual(
    [...config.templates].map(([file, t]) => [file, t.data]),
    [
      ["plinth-members/json.11ty.js", { permalink: "/members.json", layout: false, eleventyExcludeFromCollections: true }],
      ["plinth-members/csv.11ty.js", { permalink: "/members.csv", layout: false, eleventyExcludeFromCollections: true }],
      ["plinth-members/embed.11ty.js", { permalink: "/members/embed/index.html", layout: false, eleventyExcludeFromCollections: true }],
      ["plinth-members/chart.11ty.js", { permalink: "/members/chart.svg", layout: false, eleventyExcludeFromCollections: true }],
    ],
  );
  assert.deepEqual([...config.listeners.keys()], ["eleventy.before"]);
});

test("after validation the data, filters and outputs serve the site's roster", async () => {
  const { config } = setUp();
  await config.before(sampleSite());
  const data = await config.data();
  assert.deepEqual(data.roster.map((g) => g.tier.id), ["platinum", "gold", "silver", "associate"]);
  assert.equal((config.filters.get("memberByName")!("Zenith") as { tier: string }).tier, "gold");
  assert.deepEqual((config.filters.get("membersInTier")!("gold") as { slug: string }[]).map((m) => m.slug), ["beacon", "zenith"]);
  assert.equal((config.filters.get("tierById")!("associate") as { name: string }).name, "Associate");
  assert.equal(config.filters.get("memberByName")!(42), undefined);
  assert.equal((JSON.parse(config.render("plinth-members/json.11ty.js")) as { version: number }).version, 1);
  assert.match(config.render("plinth-members/csv.11ty.js"), /^slug,name,/);
  assert.match(config.render("plinth-members/embed.11ty.js"), /^<!doctype html>/);
  assert.match(config.render("plinth-members/chart.11ty.js"), /^<svg /);
});

test("a roster with errors stops the build with one MemberInvalid error listing each file and line", async () => {
  const site = sampleSite({
    "members/typo.md": memberMd("name: Typo Ltd", "level: gould", "logo: /img/members/acme.svg"),
    "members/late.md": memberMd("name: Late", "level: gold", "logo: /img/members/missing.png", "url: not a url"),
  });
  const { config } = setUp();
  await assert.rejects(config.before(site), (error: unknown) => {
    assert.ok(isPlinthError(error));
    assert.equal(error.code, "MemberInvalid");
    const where = (file: string): string => displayPath(path.join(site, file), process.cwd());
    assert.match(error.message, /^3 problems in the member roster:/);
    assert.ok(error.message.includes(`${where("members/late.md")}:4:7 The logo file img/members/missing.png does not exist.`), error.message);
    assert.ok(error.message.includes(`${where("members/late.md")}:5:6 The url "not a url" is not a valid web address.`), error.message);
    assert.ok(error.message.includes(`${where("members/typo.md")}:3:8 Unknown tier "gould".`), error.message);
    assert.ok(error.message.includes('fix: Did you mean "gold"?'), error.message);
    assert.ok(error.frame?.includes("> 4 | logo: /img/members/missing.png"), error.frame);
    return true;
  });
});

test("warnings are logged one line each, and fail the build with `strict`", async () => {
  const site = sampleSite({ "members/plain.md": memberMd("name: Plain", "level: silver", "joined: 2020-01-01") });
  const relaxed = setUp();
  await relaxed.config.before(site);
  assert.equal(relaxed.warnings.length, 1);
  assert.match(relaxed.warnings[0]!, /^\[members\] warning .*members\/plain\.md:2 plain\.md has no `logo`/);

  const strict = setUp({ strict: true });
  await assert.rejects(strict.config.before(site), /1 problem in the member roster/);
});

test("outputs can be turned off and the data renamed", () => {
  const { config } = setUp({ outputs: { csv: false, chart: false }, dataName: "roster" });
  assert.deepEqual([...config.templates.keys()], ["plinth-members/json.11ty.js", "plinth-members/embed.11ty.js"]);
  assert.deepEqual([...config.globalData.keys()], ["roster"]);
});

test("data asked for before the build event loads from the configured input folder", async () => {
  const site = sampleSite();
  const { config } = setUp({ input: site });
  assert.equal((await config.data()).counts.active, 5);
});
