/**
 * Whether a member file's name could be meant for the organisation it holds. Rosters name
 * files loosely (`acme.md` for "Acme Corporation", `ibm.md` for "International Business
 * Machines", `open-univ.md`), so only a name that cannot be an abbreviation of the member's
 * name counts as a mismatch: a CMS's leftover `new-member.md` holding "adorsys", or a copied
 * file not renamed.
 */
import slugify from "@sindresorhus/slugify";

/** Letters and digits only, transliterated and lower case: "Initech, Inc." -> "initechinc". */
function compact(value: string): string {
  return slugify(value).replace(/-/g, "");
}

/**
 * True when `slug` can abbreviate `name`: both start with the same letter and the slug's letters
 * appear in the name in order. Names with no Latin letters at all cannot be judged: true.
 * @example fileNameFitsMember("ibm", "International Business Machines") === true
 * @example fileNameFitsMember("new-member", "adorsys") === false
 */
export function fileNameFitsMember(slug: string, name: string): boolean {
  const file = compact(slug);
  const member = compact(name);
  if (file === "" || member === "") return true;
  if (file[0] !== member[0]) return false;
  let at = 0;
  for (const letter of file) {
    at = member.indexOf(letter, at);
    if (at === -1) return false;
    at += 1;
  }
  return true;
}

/** The file name a member's name suggests: "Acme Corporation" -> "acme-corporation". */
export function suggestedSlug(name: string): string {
  return slugify(name);
}
