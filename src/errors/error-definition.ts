/** The permanent part of a catalogued error: its title and what the user can do about it. */
export interface ErrorDefinition {
  title: string;
  hint: string;
}
