// Every entry path gets a branch name git accepts, and paths that differ get names that differ.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { branchOf } from "./branch-name.js";

const valid = (name: string): boolean => {
  try {
    execFileSync("git", ["check-ref-format", `refs/heads/${name}`]);
    return true;
  } catch {
    return false;
  }
};

test("the path without its extension, under studio/", () => {
  assert.equal(branchOf("news/2023-03-22-openinfra-associate-membership.md"), "studio/news/2023-03-22-openinfra-associate-membership");
  assert.equal(branchOf("about.njk"), "studio/about");
  assert.equal(branchOf("data/v1.2/notes"), "studio/data/v1.2/notes");
});

test("names git refuses are escaped, and stay distinct", () => {
  const paths = ["news/a b.md", "news/a%20b.md", "news/.hidden.md", "news/x.lock.md", "news/a..b.md", "news/what?.md", "news/at@{1}.md", "news/tilde~1^2:3*[x]\\.md", "news/é.md", "news/ends.with.dot..md"];
  const names = paths.map(branchOf);
  for (const [i, name] of names.entries()) assert.ok(valid(name), `${paths[i]} -> ${name} is a valid ref name`);
  assert.equal(new Set(names).size, names.length);
  assert.equal(branchOf("news/a b.md"), "studio/news/a%20b");
});
