// Plausible foundation-news prose in Markdown: paragraphs, headings, lists and quotes
// with a little inline markup, sized to a target word count.

import type { Prng } from "./prng.js";
import {
  CLOSERS, CITIES, EVENTS, FEATURES, FIRST_NAMES, HEADINGS, LAST_NAMES, OBJECTS, PROJECTS,
  REASONS, ROLES, SUBJECTS, VERBS,
} from "./vocabulary.js";

/**
 * Counts words the way a reader would: link targets and Markdown punctuation are not words.
 * @example countWords("## Hello [big world](https://example.org/x)") === 3
 */
export function countWords(markdown: string): number {
  const text = markdown.replace(/\]\([^)]*\)/g, "]");
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'.-]*/gu)?.length ?? 0;
}

export function personName(random: Prng): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function slugPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Occasionally decorates a noun phrase with emphasis, code or a link, as real posts do. */
function decorate(random: Prng, phrase: string): string {
  const roll = random.next();
  if (roll < 0.08) return `**${phrase}**`;
  if (roll < 0.14) return `*${phrase}*`;
  if (roll < 0.2) return `[${phrase}](https://docs.example.org/${slugPart(phrase)}/)`;
  return phrase;
}

function sentence(random: Prng): string {
  const project = random.pick(PROJECTS);
  switch (random.int(0, 7)) {
    case 0:
      return `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${decorate(random, random.pick(OBJECTS))}, ${random.pick(REASONS)}.`;
    case 1: {
      const [first, second] = random.sample(FEATURES, 2);
      return `${project} ${random.int(1, 9)}.${random.int(0, 20)} brings ${decorate(random, first ?? "")} and ${second ?? ""}.`;
    }
    case 2:
      return `Over the past ${random.int(2, 11)} months, ${random.int(12, 480)} contributors from ${random.int(3, 60)} organisations worked on ${project}.`;
    case 3:
      return `The ${random.pick(EVENTS)} in ${random.pick(CITIES)} gathered ${random.int(40, 900)} people to talk about ${random.pick(OBJECTS)}.`;
    case 4:
      return `You can try it today with \`${slugPart(project)} upgrade\`, and the migration notes explain each step.`;
    case 5:
      return `This work was ${random.pick(VERBS)} in the open, ${random.pick(REASONS)}.`;
    case 6:
      return `${personName(random)}, our ${random.pick(ROLES)}, ${random.pick(VERBS)} ${random.pick(OBJECTS)} with help from the ${project} community.`;
    default:
      return random.pick(CLOSERS);
  }
}

function listItem(random: Prng): string {
  return `- ${random.pick(VERBS).replace(/^./, (c) => c.toUpperCase())} ${decorate(random, random.pick(OBJECTS))} for ${random.pick(PROJECTS)}`;
}

function quote(random: Prng): string {
  return `> "${sentence(random)} ${sentence(random)}" said ${personName(random)}, ${random.pick(ROLES)}.`;
}

/**
 * A post body of at least `targetWords` words. Text is added in small units (a sentence,
 * a heading, a list item, a quote) and stops at the first unit that reaches the target,
 * so the result exceeds it by less than one unit (under 60 words).
 */
export function postBody(random: Prng, targetWords: number): string {
  const blocks: string[] = [];
  let words = 0;
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(paragraph.join(" "));
    paragraph = [];
  };
  const add = (unit: string, asBlock: boolean): void => {
    if (asBlock) {
      flush();
      blocks.push(unit);
    } else {
      paragraph.push(unit);
    }
    words += countWords(unit);
  };

  const headings = random.sample(HEADINGS, HEADINGS.length);
  let sentencesInParagraph = random.int(3, 5);
  while (words < targetWords) {
    if (paragraph.length < sentencesInParagraph) {
      add(sentence(random), false);
      continue;
    }
    flush();
    sentencesInParagraph = random.int(2, 5);
    const roll = random.next();
    if (roll < 0.35 && headings.length > 0) {
      add(`## ${headings.shift()}`, true);
    } else if (roll < 0.5) {
      const items: string[] = [];
      for (let i = random.int(3, 5); i > 0 && words < targetWords; i--) {
        const item = listItem(random);
        items.push(item);
        words += countWords(item);
      }
      blocks.push(items.join("\n"));
    } else if (roll < 0.62) {
      add(quote(random), true);
    }
  }
  flush();
  return `${blocks.join("\n\n")}\n`;
}
