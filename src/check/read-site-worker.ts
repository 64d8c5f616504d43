/** A helper thread of `read-site.ts`: reads its share of a built site's folders and sends the result back. */
import { parentPort, workerData } from "node:worker_threads";
import { readSitePart } from "./read-site.js";

const { root, folders } = workerData as { root: string; folders: string[] };
parentPort!.postMessage(readSitePart(root, folders, []));
