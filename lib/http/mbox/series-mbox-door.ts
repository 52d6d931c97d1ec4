import { z } from "zod";

import type { Db } from "../../db/client";
import { getSeriesMbox, type SeriesMboxSource, streamRawMessages } from "../../db/series/get-series-mbox";
import { PatchwatchError } from "../../errors";
import { amCover, amMessage } from "../../mbox/series-mbox";
import { formatMboxrdEntry } from "../../mbox/write-mboxrd";
import { routeMsgid } from "../../routes";
import { msgidParam, projectParam } from "../schemas/common";
import { textDoor } from "../text-door";

/** The Message-ID segment as the series page reads it (percent-decoded, `<>` dropped), then checked. */
const segmentMsgid = z.preprocess((v) => (typeof v === "string" ? routeMsgid(v) : v), msgidParam);

const flag = z.enum(["0", "1"], { message: "must be 0 or 1" }).optional();
const query = z.object({
  patch: z
    .string()
    .regex(/^\d{1,6}$/, "must be a patch number (from 1)")
    .transform(Number)
    .optional(),
  cover: flag,
  partial: flag,
});

type MboxQuery = z.output<typeof query>;

/** GET /<project>/<msgid>/mbox */
export const projectSeriesMbox = textDoor(
  { params: z.object({ project: projectParam, msgid: segmentMsgid }), query },
  async ({ db, params, query }) => mboxResponse(db, await load(db, params), query),
);

/** GET /series/<msgid>/mbox: the project is the first that holds the message. */
export const seriesMbox = textDoor(
  { params: z.object({ msgid: segmentMsgid }), query },
  async ({ db, params, query }) => mboxResponse(db, await load(db, params), query),
);

async function load(db: Db, where: { project?: string; msgid: string }): Promise<SeriesMboxSource> {
  const source = await getSeriesMbox(db, where);
  if (!source) {
    const inProject = where.project ? ` in project ${where.project}` : "";
    throw new PatchwatchError("not-found", `no series holds the message <${where.msgid}>${inProject}`);
  }
  return source;
}

/** A name a browser or `curl -OJ` may write to disk: the head Message-ID with anything unusual replaced. */
export function mboxFileName(headMsgid: string, patch?: number): string {
  const safe = headMsgid
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+/, "")
    .slice(0, 120);
  return `${safe || "series"}${patch === undefined ? "" : `.patch${patch}`}.mbox`;
}

async function mboxResponse(db: Db, source: SeriesMboxSource, q: MboxQuery): Promise<Response> {
  const patches = q.patch === undefined ? source.patches : source.patches.filter((p) => p.index === q.patch);
  if (q.patch !== undefined && patches.length === 0) {
    throw new PatchwatchError(
      "not-found",
      `the series has no patch ${q.patch} (it has ${source.received} of ${source.total})`,
    );
  }
  if (patches.length === 0) {
    throw new PatchwatchError(
      "not-found",
      source.isPull
        ? "the series is a pull request: it has no patches to apply"
        : "the series has no patches",
    );
  }
  if (q.patch === undefined && !source.complete && q.partial !== "1") {
    throw new PatchwatchError(
      "conflict",
      `the series is incomplete: ${source.received} of ${source.total} patches arrived; add ?partial=1 to get those`,
    );
  }
  const items = [
    ...(q.cover === "1" && source.cover ? [{ message: source.cover, patch: null }] : []),
    ...patches.map((p) => ({ message: p, patch: p })),
  ];
  const entries = (async function* () {
    let at = 0;
    for await (const raw of streamRawMessages(
      db,
      items.map((i) => i.message),
    )) {
      const { message, patch } = items[at++]!;
      const mail = patch
        ? amMessage({ raw, subject: patch.subject, author: patch.author, trailers: patch.trailers }).raw
        : amCover({ raw, subject: message.subject, author: message.author });
      yield formatMboxrdEntry(mail);
    }
  })();
  // The first message is read before answering, so a failure there is still a clean error.
  const first = await entries.next();
  return new Response(bodyStream(first, entries), {
    status: 200,
    headers: {
      "content-type": "application/mbox",
      "content-disposition": `attachment; filename="${mboxFileName(source.headMsgid, q.patch)}"`,
      // Mail is written by strangers: never let a browser sniff it into HTML.
      "x-content-type-options": "nosniff",
      "cache-control": "no-cache",
    },
  });
}

function bodyStream(
  first: IteratorResult<Buffer, void>,
  rest: AsyncGenerator<Buffer, void, undefined>,
): ReadableStream<Uint8Array> {
  let pending: IteratorResult<Buffer, void> | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = pending ?? (await rest.next());
        pending = null;
        if (next.done) controller.close();
        else
          controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      } catch (error) {
        // Headers are gone: all that is left is to break the transfer, which curl and the CLI report.
        console.error({ err: error, what: "series mbox stream" });
        controller.error(error);
      }
    },
    async cancel() {
      await rest.return(undefined);
    },
  });
}
