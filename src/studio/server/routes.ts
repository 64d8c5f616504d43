/**
 * Every API route module, mounted on the studio's router. A module exports
 * `function xxxRoutes(r: Router, ctx: StudioContext): void`.
 */
import type { StudioContext } from "./context.js";
import type { Router } from "./router.js";
import { contentRoutes } from "../content/content-routes.js";
import { previewRoutes } from "../preview/preview-routes.js";
import { siteRoutes } from "./site-routes.js";

type RouteModule = (r: Router, ctx: StudioContext) => void;

/** Modules written beside the core (media, members, links, CMS configs), mounted when they are there. */
const OPTIONAL: { module: string; name: string }[] = [
  { module: "../media/routes.js", name: "mediaRoutes" },
  { module: "../members/routes.js", name: "membersRoutes" },
  { module: "../links/routes.js", name: "linksRoutes" },
  { module: "../cms-config/routes.js", name: "cmsConfigRoutes" },
  { module: "../workflow/routes.js", name: "workflowRoutes" },
  { module: "../presence/routes.js", name: "presenceRoutes" },
];

export async function mountRoutes(r: Router, ctx: StudioContext): Promise<void> {
  siteRoutes(r, ctx);
  contentRoutes(r, ctx);
  previewRoutes(r, ctx);
  for (const { module, name } of OPTIONAL) {
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(module)) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") continue;
      throw error;
    }
    const mount = loaded[name];
    if (typeof mount === "function") (mount as RouteModule)(r, ctx);
  }
}
