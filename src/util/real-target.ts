/**
 * Where a path really leads, for checks that a write stays inside a folder: links in its
 * longest existing ancestor are followed, and the part that does not exist yet is kept.
 */
import { realpathSync } from "node:fs";
import path from "node:path";

export function realTarget(target: string): string {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.resolve(target);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
