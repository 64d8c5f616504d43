/**
 * `plinth members add`: checks the new member against the roster first, then copies its logo
 * into the logo folder under a safe name and writes its member file, never overwriting
 * anything and never writing outside the site.
 */
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import slugify from "@sindresorhus/slugify";
import yaml from "js-yaml";
import { PlinthError } from "../errors/plinth-error.js";
import { dateOption, loadSite, report, type MembersIo, type SiteDirs } from "./cli-site.js";
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

/** Creates a file that must not exist yet, with errors that say which file and why. */
function writeNew(file: string, io: MembersIo, write: () => void): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    write();
  } catch (cause) {
    const shown = displayPath(file, io.cwd);
    if ((cause as NodeJS.ErrnoException).code === "EEXIST") {
      throw new PlinthError("MemberExists", `${shown} already exists.`, { hint: "Remove or rename that file first, or add the member under a different name.", cause });
    }
    throw new PlinthError("OutputWrite", `Cannot write ${shown}: ${(cause as Error).message}`, { hint: "Check that the site folder is writable.", cause });
  }
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
  const joined = dateOption(values.joined, "--joined");

  const memberFile = siteChild(dirs.input, path.join(schema.folder, `${slug}.md`), "member file");
  const existing = model.records.find((record) => record.slug === slug || (typeof record.data.name === "string" && nameKey(record.data.name) === nameKey(name)));
  if (existing) {
    throw new PlinthError("MemberExists", `${name} is already a member: ${displayPath(existing.file, io.cwd)}.`, { location: { file: displayPath(existing.file, io.cwd), line: 1 } });
  }
  // A page that is not a member (`index.md`, `member: false`) may hold the name too.
  if (existsSync(memberFile)) throw new PlinthError("MemberExists", `${displayPath(memberFile, io.cwd)} already exists.`, { hint: "Choose a different name, or rename that file." });
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
    `joined: ${joined}`,
    ...(values.description ? [`description: ${scalar(values.description)}`] : []),
    "---",
    "",
  ];

  // Exclusive flags make the refusal to overwrite hold even if a file appears meanwhile.
  if (logo) {
    const { source, target } = logo;
    writeNew(target, io, () => copyFileSync(source, target, constants.COPYFILE_EXCL));
  }
  writeNew(memberFile, io, () => writeFileSync(memberFile, lines.join("\n"), { flag: "wx" }));
  io.stdout(`[members] wrote ${displayPath(memberFile, io.cwd)}${logo ? ` and ${displayPath(logo.target, io.cwd)}` : ""}\n`);

  const after = await loadSite(dirs, false);
  const ownErrors = after.diagnostics.filter((d) => d.severity === "error" && d.location.file === memberFile);
  report(after, false, io);
  return ownErrors.length > 0 ? 1 : 0;
}
