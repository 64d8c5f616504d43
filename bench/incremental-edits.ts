// The edits of the incremental benchmark: what a writer saves while the dev server runs.
// Each edit is a pure text transformation with a marker that must then appear in the
// edited page's output, so a timing can be checked to belong to a real rebuild.

import { Prng, seedFromText } from "./prng.js";

export type EditKind = "body" | "title" | "layout";
export const EDIT_KINDS: readonly EditKind[] = ["body", "title", "layout"];

/** The layout every post uses, relative to the site. */
export const POST_LAYOUT = "_includes/layouts/post.njk";

export interface Edit {
  kind: EditKind;
  /** The file saved, relative to the site, `/`-separated. */
  file: string;
  /** A post whose output shows the edit: the edited post, or any post for a layout edit. */
  post: string;
  /** Distinct per edit within a run, so no save ever leaves a file as it was. */
  revision: number;
}

/**
 * The edits of one run: `count` of each kind, in kind order, on posts drawn with a seeded
 * generator, so both tools (and every run with the same seed) get the same sequence.
 * Revisions start at `firstRevision` and increase by one.
 */
export function planEdits(posts: readonly string[], kinds: readonly EditKind[], count: number, seed: string, firstRevision = 1): Edit[] {
  if (posts.length === 0) throw new Error("the site has no posts to edit");
  const random = new Prng(seedFromText(`${seed}/incremental`));
  const edits: Edit[] = [];
  let revision = firstRevision;
  for (const kind of kinds) {
    for (let i = 0; i < count; i++) {
      const post = random.pick(posts);
      edits.push({ kind, file: kind === "layout" ? POST_LAYOUT : post, post, revision: revision++ });
    }
  }
  return edits;
}

/** A string the post's output contains once the edit is rendered, and did not before. */
export function editMarker(edit: Edit): string {
  switch (edit.kind) {
    case "body":
      return `Correction ${edit.revision}: this post was updated after publication.`;
    case "title":
      return `(revision ${edit.revision})`;
    case "layout":
      return `data-revision="${edit.revision}"`;
  }
}

const TITLE_LINE = /^title: "(.*)"$/m;
const ARTICLE_TAG = /<article class="post"[^>]*>/;

/** The file's new text after `edit`; throws if the file does not look like the generated one. */
export function applyEdit(text: string, edit: Edit): string {
  switch (edit.kind) {
    case "body":
      // A paragraph of its own at the end: the smallest change a writer makes to a post.
      return `${text.replace(/\n*$/, "\n")}\n${editMarker(edit)}\n`;
    case "title": {
      if (!TITLE_LINE.test(text)) throw new Error(`${edit.file} has no double-quoted title line in its front matter`);
      // A fresh suffix each time, whatever earlier edits added.
      return text.replace(TITLE_LINE, (_line, title: string) => `title: "${title.replace(/ \(revision \d+\)$/, "")} ${editMarker(edit)}"`);
    }
    case "layout":
      if (!ARTICLE_TAG.test(text)) throw new Error(`${edit.file} has no <article class="post"> tag`);
      // An attribute no style or script reads: every post changes, nothing else does.
      return text.replace(ARTICLE_TAG, `<article class="post" ${editMarker(edit)}>`);
  }
}

/** Where a post without a permalink is written, as both tools do it: `news/a.md` -> `news/a/index.html`. */
export function postOutputPath(post: string): string {
  const stem = post.replace(/\.[^./]+$/, "");
  return stem.endsWith("/index") ? `${stem}.html` : `${stem}/index.html`;
}
