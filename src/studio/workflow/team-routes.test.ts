// The workflow with accounts: a writer's saves go to the entry's branch as that writer, the
// writer submits but may not review or publish (403, nothing moved); an editor approves and
// publishes, and the publish merge is the editor's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startTeamSite, type TeamClient, type TeamSite } from "../../../test/support/studio-team.js";

const SEED = "news/2023-03-22-openinfra-associate-membership.md";
const BRANCH = "studio/news/2023-03-22-openinfra-associate-membership";

describe("review and publishing with accounts", () => {
  let site: TeamSite;
  let wanda: TeamClient;
  let ed: TeamClient;
  let main: string;
  before(async () => {
    site = await startTeamSite();
    wanda = await site.login("wanda");
    ed = await site.login("ed");
    main = site.git("rev-parse", "main").trim();
  });
  after(() => site.close());

  it("a writer's save goes to the branch as the writer, who submits it", async () => {
    const opened = await wanda.api<{ raw: string; revision: string; workflow: { state: string; branchMode: boolean } }>("GET", `/api/entry?path=${SEED}`);
    assert.equal(opened.json.workflow.branchMode, true, "accounts mean branch mode");
    const saved = await wanda.api("PUT", `/api/entry?path=${SEED}`, { raw: opened.json.raw.replace("Associate Member", "Associate Member (Wanda)"), baseRevision: opened.json.revision });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(site.git("log", "-1", "--format=%an", BRANCH).trim(), "wanda");
    assert.equal(site.git("rev-parse", "main").trim(), main);
    const submitted = await wanda.api<{ state: string }>("POST", `/api/entry/submit?path=${SEED}`, { comment: "Please review" });
    assert.equal(submitted.json.state, "review");
  });

  it("a writer may not review, publish or unpublish: 403 and nothing moves", async () => {
    const head = site.git("rev-parse", BRANCH).trim();
    for (const [url, body] of [
      [`/api/entry/review?path=${SEED}`, { decision: "approve" }],
      [`/api/publish?path=${SEED}`, {}],
      [`/api/unpublish?path=${SEED}`, {}],
      [`/api/schedule?path=${SEED}`, { at: new Date(Date.now() + 3_600_000).toISOString() }],
    ] as const) {
      const refused = await wanda.api<{ error: { code: string } }>("POST", url, body);
      assert.equal(refused.status, 403, `${url}: ${refused.text}`);
    }
    assert.equal(site.git("rev-parse", BRANCH).trim(), head);
    assert.equal(site.git("rev-parse", "main").trim(), main);
  });

  it("an editor approves and publishes; the merge is the editor's", async () => {
    const approved = await ed.api<{ state: string }>("POST", `/api/entry/review?path=${SEED}`, { decision: "approve", comment: "Fine" });
    assert.equal(approved.json.state, "ready");
    const diff = await ed.api<{ head: string; diff: string }>("GET", `/api/publish/diff?path=${SEED}`);
    assert.match(diff.json.diff, /\(Wanda\)/);
    const published = await ed.api<{ commit: string }>("POST", `/api/publish?path=${SEED}`, { head: diff.json.head });
    assert.equal(published.status, 200, published.text);
    assert.equal(site.git("log", "-1", "--format=%an|%s", "main").trim(), `ed|Publish ${SEED}: Rust Foundation Joins Open Infrastructure Foundation as Associate Member (Wanda)`);
    assert.match(readFileSync(path.join(site.dir, SEED), "utf8"), /\(Wanda\)/);
    const board = await wanda.api<{ entries: unknown[] }>("GET", "/api/board");
    assert.deepEqual(board.json.entries, []);
  });

  it("the studio's settings file (it names the deploy command) is published by an admin only", async () => {
    const ada = await site.login("ada");
    const created = await ed.api("POST", "/api/entry?path=studio.config.yml", { raw: "workflow:\n  deploy: touch /tmp/owned\n" });
    assert.equal(created.status, 201, created.text);
    const refused = await ed.api<{ error: { code: string } }>("POST", "/api/publish?path=studio.config.yml", {});
    assert.equal(refused.status, 403, refused.text);
    assert.equal(site.git("rev-parse", "main").trim(), site.git("rev-parse", "HEAD").trim());
    assert.equal(site.git("ls-tree", "main", "--", "studio.config.yml").trim(), "", "not published");
    const scheduled = await ed.api("POST", "/api/schedule?path=studio.config.yml", { at: new Date(Date.now() + 3_600_000).toISOString() });
    assert.equal(scheduled.status, 403);
    const discarded = await ada.api("POST", "/api/entry/discard?path=studio.config.yml", {});
    assert.equal(discarded.status, 200, discarded.text);
  });
});
