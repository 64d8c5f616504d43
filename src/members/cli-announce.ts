/**
 * `plinth members announce SLUG`: a draft news post in the site's own news format
 * ("Acme Joins Lintel Foundation as Silver Member"), for staff to finish and publish.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import yaml from "js-yaml";
import { PlinthError } from "../errors/plinth-error.js";
import { dateOption, loadSite, type MembersIo, type SiteDirs } from "./cli-site.js";
import { displayPath } from "./diagnostics.js";
import type { MembershipModel } from "./load.js";
import { detectNewsFormat } from "./news-format.js";
import { siteChild } from "./safe-path.js";
import type { PublicMember } from "./types.js";
import { closest } from "./validate.js";

export interface Announcement {
  title: string;
  description: string;
  /** "an Associate Member". */
  role: string;
}

/** "Associate Member" from a tier named "Associate" or "Associate Member" alike. */
function memberLabel(tierName: string): string {
  return `${tierName.replace(/\s+members?$/i, "")} Member`;
}

/** "the Lintel Foundation", but "The Linux Foundation" stays as written. */
function withArticle(foundation: string): string {
  return /^the\s/i.test(foundation) ? foundation : `the ${foundation}`;
}

export function announcementText(member: Pick<PublicMember, "name" | "tierName">, foundation: string): Announcement {
  const label = memberLabel(member.tierName);
  const article = /^[aeiou]/i.test(label) ? "an" : "a";
  const role = `${article} ${label}`;
  return {
    title: `${member.name} Joins ${foundation.replace(/^the\s/i, "")} as ${label}`,
    description: `${member.name} has joined ${withArticle(foundation)} as ${role}.`,
    role,
  };
}

function postBody(member: PublicMember, foundation: string, text: Announcement): string {
  const link = member.url ? `\n\nLearn more about ${member.name} at [${new URL(member.url).host}](${member.url}).` : "";
  const about = member.description ? `\n\n${member.description}` : "\n\n<!-- A paragraph about the organisation and its work. -->";
  return [
    `<!-- Draft written by \`plinth members announce ${member.slug}\`. Finish it, then remove \`draft: true\`. -->`,
    "",
    `${withArticle(foundation).replace(/^t/, "T")} is pleased to welcome ${member.name} as ${text.role}.`,
    "",
    "<!-- Why the organisation joined, and a quote from its representative. -->",
    "",
    `## About ${member.name}${about}${link}`,
    "",
  ].join("\n");
}

export interface WrittenAnnouncement {
  /** Absolute path of the draft. */
  file: string;
  title: string;
}

/**
 * Writes the draft news post announcing `member` (dated `day`, `YYYY-MM-DD`) in the site's
 * own news format; never overwrites. Shared by `plinth members announce` and the studio.
 */
export function writeAnnouncement(model: MembershipModel, inputDir: string, member: PublicMember, day: string, cwd: string): WrittenAnnouncement {
  const foundation = model.site.name;
  if (!foundation) {
    throw new PlinthError("SiteNameMissing", "The announcement needs the foundation's name, from `name` in the site data.", { location: { file: displayPath(path.join(model.dataDir, "site.json"), cwd) } });
  }
  const format = detectNewsFormat(inputDir, [model.schema.folder]);
  const text = announcementText(member, foundation);
  const name = `${format.datePrefix ? `${day}-` : ""}${member.slug}-joins-${slugify(foundation)}.md`;
  const file = siteChild(inputDir, path.join(format.folder, name), "news post");
  const frontMatter = yaml.dump(
    {
      title: text.title,
      ...(format.byline ? { byline: null } : {}),
      description: text.description,
      date: day,
      tags: ["announcement"],
      layout: format.layout,
      draft: true,
    },
    { lineWidth: -1, flowLevel: 1 },
  );
  // js-yaml quotes the date so it stays a string; unquoted, it is a date as in hand-written posts.
  const matter = frontMatter.replace(`date: '${day}'`, `date: ${day}`).replace(/^byline: null$/m, "byline:");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, `---\n${matter}---\n${postBody(member, foundation, text)}`, { flag: "wx" });
  } catch (cause) {
    throw new PlinthError("MemberExists", `The announcement ${displayPath(file, cwd)} already exists.`, { hint: "Edit that draft, or delete it to write a new one.", cause });
  }
  return { file, title: text.title };
}

export async function runAnnounce(dirs: SiteDirs, positionals: string[], values: { date?: string }, io: MembersIo): Promise<number> {
  if (positionals.length !== 1) {
    throw new PlinthError("CliUsage", "Give the slug of one member, e.g. `plinth members announce acme`.", { hint: "Run `plinth members list` to see each member's slug." });
  }
  const wanted = positionals[0]!.trim();
  const model = await loadSite(dirs, false);
  const member = model.members.find((m) => m.slug === wanted) ?? model.members.find((m) => m.name.toLowerCase() === wanted.toLowerCase());
  if (!member) {
    const guess = closest(wanted, model.members.map((m) => m.slug));
    throw new PlinthError("MemberNotFound", `No member has the slug "${wanted}".`, guess ? { hint: `Did you mean "${guess}"? Run \`plinth members list\` for every slug.` } : {});
  }
  const day = dateOption(values.date, "--date");
  const written = writeAnnouncement(model, dirs.input, member, day, io.cwd);
  io.stdout(`[members] wrote the draft ${displayPath(written.file, io.cwd)}: "${written.title}"\n`);
  return 0;
}
