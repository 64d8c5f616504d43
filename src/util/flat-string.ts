/**
 * Rendered text is built by concatenation (markdown-it, Nunjucks, Liquid), which V8 keeps as
 * a rope: a tree of pieces, 32 bytes a node, whose leaves often pin the larger strings they
 * were sliced from. A page's content lives until the build ends, so a rope of thousands of
 * pieces costs several times its text (at 10,000 posts: 143 MB of ropes for 84 MB of text).
 * Converting to a number makes V8 flatten the string in place: the rope becomes one
 * sequential string and its pieces become garbage.
 */
let sink = 0;

export function flatten(text: string): string {
  // The number is kept in a sink so that an optimizing compiler cannot drop the conversion.
  sink ^= Number(text) | 0;
  return text;
}
