import { z } from "zod";

import { component, described } from "./api-docs";
import { authorSchema, isoDateTime, msgidSchema } from "./common";

const messageRefSchema = component(
  "MessageRef",
  "Another message of the archive, in brief",
  z.object({ msgid: msgidSchema, subject: z.string(), from: z.string(), date: isoDateTime.nullable() }),
);

const headersSchema = described(
  "the parsed headers, and what the parser made of the mail; null when it could not be parsed",
  z
    .object({
      subject: z.string(),
      from: authorSchema,
      to: z.array(authorSchema),
      cc: z.array(authorSchema),
      date: isoDateTime.nullable(),
      inReplyTo: msgidSchema.nullable(),
      listId: z.string().nullable(),
      kind: described("patch, cover, reply, pull or other", z.string()),
      kindReason: z.string(),
      trailers: z.array(z.object({ kind: z.string(), line: z.string() })),
      warnings: z.array(z.string()),
      pullUrl: z.string().nullable(),
      hasDiff: z.boolean(),
      msgidSynthesized: described(
        "the mail had no usable Message-ID; one was derived from its bytes",
        z.boolean(),
      ),
      unroutedReason: described("why no project took it, when none did", z.string().nullable()),
    })
    .nullable(),
);

const classificationSchema = component(
  "MessageClassification",
  "What one project made of a message",
  z.object({
    project: z.string(),
    routedBy: described("what routed it there (list address, List-Id, import)", z.string()),
    role: described(
      "cover, patch, reply, not-a-patch, duplicate or unrouted; null before assembly",
      z.string().nullable(),
    ),
    reason: z.string().nullable(),
    series: z
      .object({
        id: msgidSchema,
        subject: z.string(),
        version: z.number(),
        total: z.number().int(),
        links: z.object({ self: z.string(), html: z.string() }),
      })
      .nullable(),
    patchIndex: described(
      "its place in that series when it is one of the patches",
      z.number().int().nullable(),
    ),
  }),
);

export const messageSchema = component(
  "Message",
  "One message: headers, classification per project, series and error state (not the raw bytes)",
  z.object({
    msgid: msgidSchema,
    state: described(
      "parsed, or the state of the first raw copy when it was not (pending, failed, duplicate)",
      z.string(),
    ),
    error: described(
      "why the mail could not be parsed",
      z.object({ code: z.string(), detail: z.string() }).nullable(),
    ),
    message: headersSchema,
    projects: z.array(classificationSchema),
    raws: described(
      "every copy stored under this Message-ID; the first was parsed",
      z.array(
        z.object({
          id: z.string(),
          state: z.string(),
          error: z.string().nullable(),
          errorDetail: z.string().nullable(),
          size: z.number().int(),
          receivedAt: isoDateTime,
        }),
      ),
    ),
    parent: described(
      "the message it answers; `missing` when the archive does not have it",
      z.union([messageRefSchema, z.object({ msgid: msgidSchema, missing: z.literal(true) })]).nullable(),
    ),
    replies: z.array(messageRefSchema),
  }),
);
