// One generated news post: its front matter fields, its file name and its Markdown file.

import type { Prng } from "./prng.js";
import { countWords, personName, postBody } from "./prose.js";
import {
  CITIES, DOCUMENTS, EVENTS, FEATURES, PROJECTS, ROLES, TAGS,
} from "./vocabulary.js";

export const MIN_WORDS = 400;
export const MAX_WORDS = 800;
/** Room left under MAX_WORDS for the last unit postBody adds past its target. */
const LAST_UNIT_ALLOWANCE = 60;

export interface NewsPost {
  /** Path relative to the site root, e.g. `news/lantern-3-2-released-42.md`. */
  path: string;
  title: string;
  description: string;
  date: Date;
  tags: string[];
  body: string;
  words: number;
}

function headline(random: Prng, year: number): string {
  const project = random.pick(PROJECTS);
  const version = `${random.int(1, 9)}.${random.int(0, 20)}`;
  switch (random.int(0, 7)) {
    case 0:
      return `${project} ${version} released with ${random.pick(FEATURES)}`;
    case 1:
      return `${project} ${version}: ${random.pick(FEATURES)} and more`;
    case 2:
      return `${random.pick(EVENTS)} ${year} in ${random.pick(CITIES)}: call for proposals`;
    case 3:
      return `Security advisory for ${project} ${version}`;
    case 4:
      return `Board approves the ${year} budget and roadmap`;
    case 5:
      return `Meet the maintainers: ${personName(random)} on ${project}`;
    case 6:
      return `The ${project} working group publishes ${random.pick(DOCUMENTS)}`;
    default:
      return `Recap: ${random.pick(EVENTS)} ${year}, as seen by our ${random.pick(ROLES)}`;
  }
}

function summary(random: Prng, title: string): string {
  const lead = random.pick([
    "A short summary of",
    "Everything you need to know about",
    "Highlights, numbers and next steps from",
    "What changes for users and contributors with",
  ]);
  return `${lead} "${title.replace(/:.*/, "")}".`;
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Builds post number `index` (0-based) dated `date`. */
export function generatePost(random: Prng, index: number, date: Date): NewsPost {
  const title = headline(random, date.getUTCFullYear());
  const description = summary(random, title);
  const tags = random.sample(TAGS, random.int(1, 3));
  const body = postBody(random, random.int(MIN_WORDS, MAX_WORDS - LAST_UNIT_ALLOWANCE));
  return {
    path: `news/${slugify(title)}-${index + 1}.md`,
    title,
    description,
    date,
    tags,
    body,
    words: countWords(body),
  };
}

/** The post as a Markdown file with YAML front matter; JSON strings are valid YAML scalars. */
export function renderPost(post: NewsPost): string {
  const lines = [
    "---",
    `title: ${JSON.stringify(post.title)}`,
    `description: ${JSON.stringify(post.description)}`,
    `date: ${post.date.toISOString().replace(/\.000Z$/, "Z")}`,
    "tags:",
    ...post.tags.map((tag) => `  - ${JSON.stringify(tag)}`),
    "layout: layouts/post.njk",
    "---",
    "",
  ];
  return `${lines.join("\n")}${post.body}`;
}
