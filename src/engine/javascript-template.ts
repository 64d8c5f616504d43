/**
 * JavaScript templates (`*.11ty.js`, and virtual templates whose content is a function):
 * a module exporting a function, an object with `data` and `render`, or a class with them.
 * `render` is called with the page's data, and with `this` holding the JavaScript functions
 * (filters and shortcodes) plus `page` and `eleventy`, as in Eleventy.
 */
import { freshImport } from "../util/fresh-import.js";
import { PlinthError } from "../errors/plinth-error.js";
import type { UserFunction } from "../config/user-config.js";

export interface JavaScriptTemplate {
  data: Record<string, unknown>;
  render: (data: Record<string, unknown>, functions: Record<string, UserFunction>) => Promise<string>;
}

type Renderable = { data?: unknown; render?: UserFunction };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function resolveData(value: unknown, self: unknown): Promise<Record<string, unknown>> {
  const data = typeof value === "function" ? await (value as UserFunction).call(self) : value;
  return isRecord(data) ? data : {};
}

/** Turns what a module exports (or a virtual template's content) into a template. */
export async function javascriptTemplate(exported: unknown, inputPath: string): Promise<JavaScriptTemplate> {
  let target: Renderable;
  if (typeof exported === "function" && /^class\s/.test(Function.prototype.toString.call(exported))) {
    target = new (exported as new () => Renderable)();
  } else if (typeof exported === "function") {
    target = { render: exported as UserFunction };
  } else if (isRecord(exported)) {
    target = exported as Renderable;
  } else if (typeof exported === "string") {
    const text = exported;
    target = { render: () => text };
  } else {
    throw new PlinthError("TemplateRender", `${inputPath} exports neither a render function nor an object with one.`, {
      location: { file: inputPath },
      hint: "Export a function `(data) => string`, or an object or class with `render(data)` (and optionally `data`).",
    });
  }
  const render = target.render;
  if (typeof render !== "function") {
    throw new PlinthError("TemplateRender", `${inputPath} has no render function.`, { location: { file: inputPath } });
  }
  return {
    data: await resolveData(target.data, target),
    render: async (data, functions) => {
      const self = Object.assign(Object.create(target as object) as Record<string, unknown>, functions, { page: data.page, eleventy: data.eleventy });
      const result = await render.call(self, data);
      return result === undefined || result === null ? "" : String(result);
    },
  };
}

export async function loadJavaScriptTemplate(file: string, inputPath: string, version: number): Promise<JavaScriptTemplate> {
  let mod: { default?: unknown; render?: unknown; data?: unknown };
  try {
    mod = (await freshImport(file, version + 1)) as typeof mod;
  } catch (cause) {
    throw new PlinthError("TemplateRender", `${inputPath} threw while loading: ${(cause as Error).message}`, { location: { file: inputPath }, cause });
  }
  return javascriptTemplate(mod.default ?? mod, inputPath);
}
