import type { ErrorDefinition } from "../error-definition.js";

/** Errors in a foundation's member roster: member files, tiers, logos, affiliations and `plinth members`. */
export const membersErrors = {
  MemberInvalid: {
    title: "The member roster has problems",
    hint: "Fix each problem listed at its file and line, then build again. `plinth members check` lists them without building.",
  },
  TiersInvalid: {
    title: "The tiers file is not valid",
    hint: 'List the tiers in `_data/tiers.json` as `[{"id": "gold", "name": "Gold", "order": 1}]` or `{"tiers": [...]}`.',
  },
  MemberFieldMissing: {
    title: "A member file lacks a required field",
    hint: "Every member file needs a `name` and a tier in its front matter.",
  },
  MemberFieldInvalid: {
    title: "A member field has the wrong type",
    hint: "Check the value at the location shown; see docs/members.md for each field's type.",
  },
  MemberUnknownTier: {
    title: "Unknown membership tier",
    hint: "Use one of the tier ids declared in `_data/tiers.json`, or add the tier there.",
  },
  MemberLogoMissing: {
    title: "A member has no logo",
    hint: "Add `logo: /img/members/<name>.svg` to the member's front matter and put the file there.",
  },
  MemberLogoUnreadable: {
    title: "A member's logo file cannot be read",
    hint: "Put the logo file at the path given in `logo`, or correct the path. Paths starting with `/` are relative to the site's input folder.",
  },
  MemberLogoNotImage: {
    title: "A member's logo is not an image",
    hint: "Replace the file with a real PNG, JPEG, GIF, WebP, AVIF or SVG image; the file's bytes are checked, not its extension.",
  },
  MemberLogoRemote: {
    title: "A member's logo is a remote URL",
    hint: "Download the logo into the site's logo folder so it can be checked and served with the site.",
  },
  MemberSvgNoViewBox: {
    title: "An SVG logo has no viewBox",
    hint: 'Add a `viewBox="0 0 WIDTH HEIGHT"` attribute to the `<svg>` element so the logo scales to its box.',
  },
  MemberDuplicateName: {
    title: "Two members have the same name",
    hint: "Each organisation must appear once. Remove the duplicate file, or give the two members distinct names.",
  },
  MemberDuplicateUrl: {
    title: "Two members link to the same URL",
    hint: "Check that the two files are not the same organisation twice, and that each `url` is correct.",
  },
  MemberInvalidUrl: {
    title: "A URL is not valid",
    hint: "Write a full address starting with `https://`, such as `https://example.com/`.",
  },
  MemberUnknownStatus: {
    title: "Unknown member status",
    hint: "Use one of: active, pending, suspended, lapsed.",
  },
  MemberInvalidDate: {
    title: "A member date is not valid",
    hint: "Write dates as `YYYY-MM-DD`, for example `joined: 2023-03-22`.",
  },
  MemberLeftBeforeJoined: {
    title: "A member left before joining",
    hint: "Correct `joined` or `left` so that `left` comes on or after `joined`.",
  },
  MemberBooleanAsText: {
    title: "A yes/no field is written the YAML 1.1 way",
    hint: "Write `true` or `false`: YAML 1.2, which Eleventy and Plinth read, takes `yes`, `no`, `on` and `off` as text.",
  },
  MemberFileNameMismatch: {
    title: "A member file is named for another organisation",
    hint: "Rename the file after the member: its name is the member's slug, used in URLs, members.json and the command line.",
  },
  MemberLeftButActive: {
    title: "A member has left but is still active",
    hint: "Set `status: lapsed` for a member that has left, or remove `left`.",
  },
  MemberContactInvalid: {
    title: "A member contact is not valid",
    hint: "Write each contact as `{name: ..., email: someone@example.com}`; contacts are checked but never published.",
  },
  AffiliationInvalid: {
    title: "An affiliation is not valid",
    hint: 'List affiliations in `_data/affiliations.json` as `[{"organisation": "...", "url": "https://...", "tier": "...", "since": "YYYY-MM-DD"}]`.',
  },
  MemberExists: {
    title: "The member already exists",
    hint: "Edit the existing member file instead, or choose a different name.",
  },
  MemberPathUnsafe: {
    title: "Refusing to write outside the site",
    hint: "Keep the members and logo folders inside the site's input folder, without `..` or links that lead out of it.",
  },
  MemberNotFound: {
    title: "No such member",
    hint: "Run `plinth members list` to see each member's slug (its file name without extension).",
  },
  SiteNameMissing: {
    title: "The foundation's name is not set",
    hint: 'Add `"name": "Your Foundation"` to `_data/site.json`.',
  },
} as const satisfies Record<string, ErrorDefinition>;
