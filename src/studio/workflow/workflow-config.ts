/**
 * The `workflow:` part of studio.config.yml: where published entries go, the remote to push to,
 * the deploy command, and whether drafts live on entry branches without accounts too.
 *
 * ```yaml
 * workflow:
 *   branch: main            # the publishing branch; default: the branch the site's folder is on
 *   remote: origin          # push there after publishing (pull first); default: no push
 *   deploy: npm run deploy  # run in the site's folder after publishing; default: none
 *   branches: true          # drafts on entry branches even in the single-user mode; default: only with accounts
 * ```
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { STUDIO_CONFIG_FILES } from "../cms-config/load.js";
import { isRecord, readYaml, stringOf } from "../cms-config/yaml-source.js";

export interface WorkflowConfig {
  branch?: string;
  remote?: string;
  deploy?: string;
  branches: boolean;
  /** Problems with the section, for the terminal. */
  warnings: string[];
}

export function readWorkflowConfig(cwd: string): WorkflowConfig {
  const out: WorkflowConfig = { branches: false, warnings: [] };
  for (const name of STUDIO_CONFIG_FILES) {
    let text: string;
    try {
      text = readFileSync(path.join(cwd, name), "utf8");
    } catch {
      continue;
    }
    const source = readYaml(text, name);
    const workflow = isRecord(source.value) ? source.value.workflow : undefined;
    if (workflow === undefined) return out;
    if (!isRecord(workflow)) {
      out.warnings.push(`${name}:${source.lineOf(["workflow"]) ?? 1}: \`workflow\` must be a mapping with branch, remote, deploy and branches.`);
      return out;
    }
    out.branch = stringOf(workflow.branch);
    out.remote = stringOf(workflow.remote);
    out.deploy = stringOf(workflow.deploy);
    out.branches = workflow.branches === true;
    return out;
  }
  return out;
}
