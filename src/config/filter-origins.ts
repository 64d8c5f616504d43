/**
 * Which plugin added a filter function, by the plugin's package name. Plinth trusts a few
 * plugins' filters to be pure (see engines/filter-memo.ts) and must tell them from a site's own
 * filter of the same name. Kept beside the config rather than in it, as Eleventy has no such API.
 */
const origins = new WeakMap<object, string>();

/** Records `plugin` as the origin of every function in `after` that was not in `before`, unless one is known already. */
export function recordFilterOrigins(plugin: string | undefined, before: ReadonlySet<object>, after: Iterable<object>): void {
  if (!plugin) return;
  for (const fn of after) if (!before.has(fn) && !origins.has(fn)) origins.set(fn, plugin);
}

export function pluginOf(fn: object): string | undefined {
  return origins.get(fn);
}
