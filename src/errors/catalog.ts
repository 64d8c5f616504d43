/**
 * The one catalog of user-facing errors. Each key is the error's permanent name,
 * which is also its code: it appears in output and documentation, so never rename one.
 * Areas keep their entries in `catalog/<area>.ts`; this file joins them.
 */
import { buildErrors } from "./catalog/build.js";
import { configErrors } from "./catalog/config.js";
import { membersErrors } from "./catalog/members.js";
import { newsroomErrors } from "./catalog/newsroom.js";
import { serveErrors } from "./catalog/serve.js";
import { studioMediaErrors } from "./catalog/studio-media.js";
import { studioErrors } from "./catalog/studio.js";
import { studioWorkflowErrors } from "./catalog/studio-workflow.js";
import type { ErrorDefinition } from "./error-definition.js";

export const errorCatalog = {
  ...buildErrors,
  ...configErrors,
  ...membersErrors,
  ...newsroomErrors,
  ...serveErrors,
  ...studioMediaErrors,
  ...studioErrors,
  ...studioWorkflowErrors,
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorName = keyof typeof errorCatalog;
