import { z } from "zod";

import { normalizeMessageId } from "../../mail/message-id";
import { component, described } from "./api-docs";

export const errorSchema = component(
  "Error",
  "Every error answer: a stable code (bad-request, not-found, internal, …) and a message for people.",
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
);

export const isoDateTime = described("ISO 8601 date and time, UTC", z.iso.datetime());

/** Message-IDs in answers are written without angle brackets. */
export const msgidSchema = described("a Message-ID without angle brackets", z.string());

export const authorSchema = component(
  "Author",
  "A person as the mail named them",
  z.object({ name: z.string(), email: z.string() }),
);

/** A Message-ID in a URL: percent-decoded by the router; `<…>` and surrounding space are dropped. */
export const msgidParam = described(
  "a Message-ID, percent-encoded, with or without angle brackets",
  z
    .string()
    .min(1)
    .transform((value, ctx) => {
      const id = normalizeMessageId(value);
      if (id === null) {
        ctx.addIssue({ code: "custom", message: "not a Message-ID" });
        return z.NEVER;
      }
      return id;
    }),
);

export const projectParam = described("a project name, as in projects.json", z.string().min(1).max(100));
