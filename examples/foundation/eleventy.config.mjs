// Eleventy 3 configuration for the example foundation site (.mjs, so it loads as an ES module
// wherever the site is copied, whatever its package.json says). Plinth reads the same file,
// so everything here sticks to the documented Eleventy API and plain JavaScript.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

import membersPlugin from "plinth/members";

// Front matter dates are instants; formatting them in UTC keeps the output the same
// whatever time zone the build machine is in.
function toDate(value) {
  return value instanceof Date ? value : new Date(value);
}

function pad(number) {
  return String(number).padStart(2, "0");
}

/** `22 Mar 2023`, for people. */
function readableDate(value) {
  const date = toDate(value);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `2023-03-22`, for `<time datetime>`. */
function htmlDateString(value) {
  const date = toDate(value);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `2023-03-22T12:30:00.000Z`, for the Atom feed. */
function isoDate(value) {
  return toDate(value).toISOString();
}

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy("css");
  eleventyConfig.addPassthroughCopy("img");

  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("htmlDateString", htmlDateString);
  eleventyConfig.addFilter("isoDate", isoDate);

  // The roster as a checked model: tiers, members and affiliations, with members.json,
  // members.csv, an embeddable roster and a membership chart (see docs/members.md).
  eleventyConfig.addPlugin(membersPlugin);

  return {
    dir: {
      input: ".",
      includes: "_includes",
      data: "_data",
    },
  };
}
