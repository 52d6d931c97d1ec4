import { z } from "zod";

import { decodePageCursor, encodePageCursor } from "../page-cursor";
import type { CandidatePosition } from "./lost-candidates";

/** A keyset page cursor over current series: the last one seen, by (posting date, id). */
const cursorSchema = z.object({ d: z.iso.datetime(), i: z.string().regex(/^[1-9][0-9]{0,18}$/) });

export function encodePosition(p: CandidatePosition): string {
  return encodePageCursor({ d: p.date.toISOString(), i: p.id.toString() });
}

export function decodePosition(text: string): CandidatePosition {
  const cursor = decodePageCursor(text, cursorSchema);
  return { date: new Date(cursor.d), id: BigInt(cursor.i) };
}
