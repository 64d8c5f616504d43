// Reads the example site's own source files (posts, members, tiers) so the test's
// expectations come from the content, not from the engine under test.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { exampleSiteDir } from "./build-example-site.js";

export interface SourcePost {
  /** File name without `.md`, date prefix included: the default URL's last segment. */
  stem: string;
  url: string;
  title: string;
  date: Date;
  tags: string[];
}

export interface SourceMember {
  name: string;
  level: string;
  logo: string;
  status: string;
}

export interface SourceTier {
  id: string;
  name: string;
  order: number;
}

function frontMatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, "utf8"));
  if (!match) throw new Error(`example-site: ${file} has no front matter`);
  const data: unknown = yaml.load(match[1]!);
  if (typeof data !== "object" || data === null) throw new Error(`example-site: ${file} front matter is not a mapping`);
  return data as Record<string, unknown>;
}

function stringField(data: Record<string, unknown>, key: string, file: string): string {
  const value = data[key];
  if (typeof value !== "string") throw new Error(`example-site: ${file} needs a string "${key}"`);
  return value;
}

function markdownFiles(folder: string): string[] {
  const dir = path.join(exampleSiteDir(), folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The news posts, oldest first. */
export function readPosts(): SourcePost[] {
  const posts = markdownFiles("news").map((file) => {
    const data = frontMatter(file);
    const stem = path.basename(file, ".md");
    const date = data["date"];
    if (!(date instanceof Date)) throw new Error(`example-site: ${file} needs a timestamp "date"`);
    const tags = data["tags"];
    if (!Array.isArray(tags) || !tags.every((tag): tag is string => typeof tag === "string")) {
      throw new Error(`example-site: ${file} needs a list of "tags"`);
    }
    return { stem, url: `/news/${stem}/`, title: stringField(data, "title", file), date, tags };
  });
  return posts.sort((a, b) => a.date.getTime() - b.date.getTime());
}

export function readMembers(): SourceMember[] {
  return markdownFiles("members").map((file) => {
    const data = frontMatter(file);
    return {
      name: stringField(data, "name", file),
      level: stringField(data, "level", file),
      logo: stringField(data, "logo", file),
      status: stringField(data, "status", file),
    };
  });
}

/** The tiers in display order. */
export function readTiers(): SourceTier[] {
  const file = path.join(exampleSiteDir(), "_data", "tiers.json");
  const tiers = JSON.parse(readFileSync(file, "utf8")) as SourceTier[];
  return [...tiers].sort((a, b) => a.order - b.order);
}
