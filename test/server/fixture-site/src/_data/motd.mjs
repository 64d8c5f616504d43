import { readFileSync } from "node:fs";

export default function () {
  return readFileSync(new URL("../../extra/motd.txt", import.meta.url), "utf8").trim();
}
