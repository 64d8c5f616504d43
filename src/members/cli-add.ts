/**
 * `plinth members add`: checks the new member against the roster first, then copies its logo
 * into the logo folder under a safe name and writes its member file, never overwriting
 * anything and never writing outside the site.
 */
import { constants, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import yaml from "js-yaml";
import { PlinthError } from "../errors/plinth-error.js";
import { loadSite, report, type MembersIo, type SiteDirs } from "./cli-site.js";
import { parseMemberDate, today } from "./dates.js";
import { displayPath } from "./diagnostics.js";
import { IMAGE_EXTENSIONS, sniffImage, svgHasViewBox } from "./logo.js";
import { siteChild } from "./safe-path.js";
import { findTier } from "./tiers.js";
import type { MembershipModel } from "./load.js";
import { MEMBER_STATUSES } from "./types.js";
import { closest, isWebUrl, sameSiteKey } from "./validate.js";
import { nameKey } from "./values.js";

export interface AddValues {
  tier?: string;
  url?: string;
  logo?: string;
  founder?: boolean;
  status?: string;
  joined?: string;
  description?: string;
}

function usage(message: string, hint?: string): PlinthError {
  return new PlinthError("CliUsage", message, { hint: hint ?? 'Run `plinth members add "Name" --tier silver --url https://example.com --logo logo.svg`.' });
}

/** A YAML scalar as it would be written by hand: plain when safe, quoted when needed. */
function scalar(value: string | boolean): string {
  return yaml.dump(value, { lineWidth: -1 }).trimEnd();
}

/** The tier key this site's member files use: configured, or else the one most files already use. */
function tierKeyOf(model: Pick<MembershipModel, "schema" | "records">): string {
  if (model.schema.memberFieldConfigured || model.records.length === 0) return model.schema.memberField;
  const tierCount = model.records.filter((record) => record.tierKey === "tier").length;
  return tierCount * 2 > model.records.length ? "tier" : model.schema.memberField;
}

export async function runAdd(dirs: SiteDirs, positionals: string[], values: AddValues, io: MembersIo): Promise<number> {
  if (positionals.length !== 1 || positionals[0]!.trim() === "") throw usage("Give the member's name once, in quotes.");
  const name = positionals[0]!.trim().replace(/\s+/g, " ");
  const slug = slugify(name);
  if (slug === "") throw usage(`The name "${name}" has no letters or digits to make a file name from.`);

  const model = await loadSite(dirs, false);
  const { schema } = model;
  if (!values.tier) throw usage("Give the member's tier with `--tier`.", `Use one of: ${schema.tiers.map((t) => t.id).join(", ")}.`);
  const tier = findTier(schema.tiers, values.tier);
  if (!tier) {
    const guess = closest(values.tier, schema.tiers.map((t) => t.id));
    throw new PlinthError("MemberUnknownTier", `Unknown tier "${values.tier}".`, { hint: `${guess ? `Did you mean "${guess}"? ` : ""}Use one of: ${schema.tiers.map((t) => t.id).join(", ")}.` });
  }
  if (values.url !== undefined && !isWebUrl(values.url)) throw new PlinthError("MemberInvalidUrl", `The url "${values.url}" is not a valid web address.`);
  const status = (values.status ?? "active").toLowerCase();
  if (!(MEMBER_STATUSES as readonly string[]).includes(status)) throw new PlinthError("MemberUnknownStatus", `Unknown status "${values.status}".`);
  const joined = values.joined === undefined ? today() : parseMemberDate(values.joined);
  if (typeof joined !== "string" && (!joined.ok || joined.date === null)) throw new PlinthError("MemberInvalidDate", `\`--joined\` is not a date: "${values.joined}".`);
  const joinedDate = typeof joined === "string" ? joined : joined.date!;

  const memberFile = siteChild(dirs.input, path.join(schema.folder, `${slug}.md`), "member file");
  const existing = model.records.find((record) => record.slug === slug || (typeof record.data.name === "string" && nameKey(record.data.name) === nameKey(name)));
  if (existing) {
    throw new PlinthError("MemberExists", `${name} is already a member: ${displayPath(existing.file, io.cwd)}.`, { location: { file: displayPath(existing.file, io.cwd), line: 1 } });
  }
  if (values.url !== undefined) {
    const twin = model.records.find((record) => typeof record.data.url === "string" && sameSiteKey(record.data.url) === sameSiteKey(values.url!));
    if (twin) io.stderr(`[members] warning: ${displayPath(twin.file, io.cwd)} already links to ${values.url}.\n`);
  }

  let logo: { source: string; target: string; publicPath: string } | undefined;
  if (values.logo !== undefined) {
    const source = path.resolve(io.cwd, values.logo);
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch (cause) {
      throw new PlinthError("MemberLogoUnreadable", `Cannot read the logo ${values.logo}: ${(cause as Error).message}`, { cause });
    }
    const kind = sniffImage(bytes);
    if (!kind) throw new PlinthError("MemberLogoNotImage", `The file ${values.logo} is not a PNG, JPEG, GIF, WebP, AVIF or SVG image.`);
    if (kind === "svg" && !svgHasViewBox(bytes)) io.stderr(`[members] warning: the SVG logo ${values.logo} has no viewBox.\n`);
    const relative = `${schema.logoFolder}/${slug}.${IMAGE_EXTENSIONS[kind]}`;
    logo = { source, target: siteChild(dirs.input, relative, "logo file"), publicPath: `/${relative}` };
  } else {
    io.stderr(`[members] warning: no --logo given; the roster will show ${name} without a logo.\n`);
  }

  const lines = [
    "---",
    `name: ${scalar(name)}`,
    `${tierKeyOf(model)}: ${scalar(tier.id)}`,
    ...(logo ? [`logo: ${scalar(logo.publicPath)}`] : []),
    ...(values.url ? [`url: ${scalar(values.url)}`] : []),
    `founder: ${values.founder === true}`,
    `status: ${status}`,
    `joined: ${joinedDate}`,
    ...(values.description ? [`description: ${scalar(values.description)}`] : []),
    "---",
    "",
  ];

  // Exclusive flags make the refusal to overwrite hold even if a file appears meanwhile.
  if (logo) {
    mkdirSync(path.dirname(logo.target), { recursive: true });
    try {
      copyFileSync(logo.source, logo.target, constants.COPYFILE_EXCL);
    } catch (cause) {
      throw new PlinthError("MemberExists", `A logo already exists at ${displayPath(logo.target, io.cwd)}.`, { hint: "Remove or rename that file first, or add the member with a different name.", cause });
    }
  }
  mkdirSync(path.dirname(memberFile), { recursive: true });
  try {
    writeFileSync(memberFile, lines.join("\n"), { flag: "wx" });
  } catch (cause) {
    throw new PlinthError("MemberExists", `A member file already exists at ${displayPath(memberFile, io.cwd)}.`, { cause });
  }
  io.stdout(`[members] wrote ${displayPath(memberFile, io.cwd)}${logo ? ` and ${displayPath(logo.target, io.cwd)}` : ""}\n`);

  const after = await loadSite(dirs, false);
  const ownErrors = after.diagnostics.filter((d) => d.severity === "error" && d.location.file === memberFile);
  report(after, false, io);
  return ownErrors.length > 0 ? 1 : 0;
}
