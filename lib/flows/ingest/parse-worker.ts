import { parentPort } from "node:worker_threads";

import { parseMessage } from "../../mail/parse-message";

// One parse job: a batch of raw messages in, their ParseResults out (structured clone).
parentPort?.on("message", async (job: { id: number; raws: Uint8Array[] }) => {
  try {
    const results = [];
    for (const raw of job.raws)
      results.push(await parseMessage(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)));
    parentPort?.postMessage({ id: job.id, results });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
