import { z } from "zod";

import { getPatchDiff } from "@/lib/db/series/get-patch-diff";
import { getServerDb } from "@/lib/db/server-db";
import { PatchwatchError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { jsonResponse } from "@/lib/http/json-response";
import { fileHunks } from "@/lib/ui/prepare-diffs";
import { routeMsgid } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** A small decimal number from the query string; a missing one is refused, not read as 0. */
const index = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);
const query = z.object({ patch: index, file: index });

/** One file of one patch of a series, as JSON hunks of text tokens (never HTML), for a file opened later. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ project: string; msgid: string }> },
) {
  try {
    const { project, msgid } = await params;
    const url = new URL(request.url);
    const parsed = query.safeParse({
      patch: url.searchParams.get("patch"),
      file: url.searchParams.get("file"),
    });
    if (!parsed.success)
      throw new PatchwatchError("bad-request", "`patch` (from 1) and `file` (from 0) must be numbers");
    const diff = await getPatchDiff(getServerDb(), project, routeMsgid(msgid), parsed.data.patch);
    const hunks = diff === null ? null : fileHunks(diff, parsed.data.file);
    if (hunks === null) throw new PatchwatchError("not-found", "no such patch or file in this series");
    return jsonResponse({ hunks });
  } catch (error) {
    return errorResponse(error, { method: "GET", url: request.url });
  }
}
