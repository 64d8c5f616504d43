/** Where in a user's file something went wrong. Lines and columns are 1-based. */
export interface SourceLocation {
  /** Path as the user would type it, relative to the working directory (for example `./news/post.md`). */
  file: string;
  line?: number;
  column?: number;
}
