/**
 * `GET /api/config`: which schema configs the studio read (studio.config.yml, CloudCannon,
 * Decap/Sveltia), what they say, and their problems at file and line. The problems are also
 * printed when the studio starts, so a broken config is seen even before the app asks.
 */
import type { StudioContext } from "../server/context.js";
import type { Router } from "../server/router.js";
import { loadSchemaOverrides } from "./load.js";
import type { ConfigDiagnostic } from "./types.js";

export function formatConfigDiagnostic(d: ConfigDiagnostic): string {
  return `[studio] ${d.severity}: ${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ""}` : ""} ${d.message}`;
}

export function cmsConfigRoutes(r: Router, ctx: StudioContext): void {
  const overrides = loadSchemaOverrides(ctx.cwd, ctx.inputDir);
  if (overrides.sources.length > 0) ctx.log(`[studio] schema from ${overrides.sources.join(", ")}`);
  for (const d of overrides.diagnostics) (d.severity === "error" ? ctx.logError : ctx.log)(formatConfigDiagnostic(d));

  r.get("/api/config", () => ({ json: loadSchemaOverrides(ctx.cwd, ctx.inputDir) }), { action: "entry.read" });
}
