/**
 * Eleventy's reserved data: names the data cascade may not set, because Eleventy sets them
 * (`content`, `collections`, and `page`'s own fields). Eleventy fails the build when a page's
 * data or its computed data sets one, unless the site calls `setFreezeReservedData(false)`.
 */
import { PlinthError } from "../errors/plinth-error.js";
import { frontMatterKeyLocation } from "./front-matter.js";
import type { TemplateSource } from "./template-source.js";

const reserved = ["content", "collections"];
const reservedPageFields = ["date", "inputPath", "fileSlug", "filePathStem", "outputFileExtension", "templateSyntax", "url", "outputPath"];

/** The reserved names `data` sets, as Eleventy lists them (`content`, `page.url`, ...). */
export function reservedKeys(data: unknown): string[] {
  if (typeof data !== "object" || data === null) return [];
  const record = data as Record<string, unknown>;
  const keys = reserved.filter((key) => key in record);
  if ("page" in record) {
    const page = record.page;
    if (typeof page === "object" && page !== null) keys.push(...reservedPageFields.filter((key) => key in page).map((key) => `page.${key}`));
    else keys.push("page");
  }
  return keys;
}

/** Fails when a page's cascaded data, or its computed data, sets a reserved name. */
export function checkReservedData(data: Record<string, unknown>, source: TemplateSource): void {
  const keys = [...reservedKeys(data), ...reservedKeys(data.eleventyComputed)];
  if (keys.length === 0) return;
  const first = keys[0]!.split(".")[0]!;
  throw new PlinthError("ReservedData", `${source.inputPath} sets ${keys.join(", ")}, which Eleventy reserves for its own values.`, {
    location: { file: source.inputPath, ...frontMatterKeyLocation(source.text, first) },
    source: source.text,
  });
}
