import { z } from "zod";

import { getMessageDiff } from "@/lib/db/messages/get-message-diff";
import { getServerDb } from "@/lib/db/server-db";
import { PatchwatchError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { jsonResponse } from "@/lib/http/json-response";
import { fileHunks } from "@/lib/ui/prepare-diffs";
import { routeMsgid } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** A small decimal number from the query string; a missing one is refused, not read as 0. */
const query = z.object({
  file: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number),
});

/** One file of a message's diff, as JSON hunks of text tokens, for a file the message page left closed. */
export async function GET(request: Request, { params }: { params: Promise<{ msgid: string }> }) {
  try {
    const { msgid } = await params;
    const parsed = query.safeParse({ file: new URL(request.url).searchParams.get("file") });
    if (!parsed.success) throw new PatchwatchError("bad-request", "`file` (from 0) must be a number");
    const diff = await getMessageDiff(getServerDb(), routeMsgid(msgid));
    const hunks = diff === null ? null : fileHunks(diff, parsed.data.file);
    if (hunks === null) throw new PatchwatchError("not-found", "no such message or file");
    return jsonResponse({ hunks });
  } catch (error) {
    return errorResponse(error, { method: "GET", url: request.url });
  }
}
