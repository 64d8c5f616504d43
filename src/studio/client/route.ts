// The app's place in the URL hash, so reloads and the back button keep the open collection
// and entry: #/?collection=<name>&entry=<path>.

export interface Route {
  collection?: string;
  entry?: string;
  /** The review board (#/board) instead of a collection. */
  board?: boolean;
}

export function readRoute(hash = location.hash): Route {
  if (/^#\/?board\b/.test(hash)) return { board: true };
  const params = new URLSearchParams(hash.replace(/^#\/?/, ""));
  const route: Route = {};
  const collection = params.get("collection");
  const entry = params.get("entry");
  if (collection) route.collection = collection;
  if (entry) route.entry = entry;
  return route;
}

export function routeHash(route: Route): string {
  if (route.board) return "#/board";
  const params = new URLSearchParams();
  if (route.collection) params.set("collection", route.collection);
  if (route.entry) params.set("entry", route.entry);
  return `#/${params}`;
}

export function go(route: Route): void {
  const hash = routeHash(route);
  if (location.hash !== hash) location.hash = hash;
}
