import type { Db } from "../db/client";
import { maintainerQueue, type QueueOptions, type QueuePage } from "../flows/lost/maintainer-queue";
import { type SearchParams, searchParam } from "../ui/list-params";
import { problemOnPage } from "./problem-on-page";

export type QueuePageFilters = Omit<QueueOptions, "email" | "now" | "limit">;

export interface MaintainerQueueView {
  email: string;
  /** The filters the URL asked for, without what was not understood. */
  filters: QueuePageFilters;
  /** Null when the cursor was refused (see `problem`). */
  page: QueuePage | null;
  problem: string | null;
}

/** The address of `/maintainer/<email>`: Next.js hands dynamic segments over still percent-encoded. */
export function routeEmail(segment: string): string {
  try {
    return decodeURIComponent(segment).trim().toLowerCase();
  } catch {
    return segment.trim().toLowerCase();
  }
}

/** `?project=`, `?role=` (maintainer or reviewer), `?age=` (days) and `?after=`. */
function queueFilters(searchParams: SearchParams): QueuePageFilters {
  const role = searchParam(searchParams, "role");
  const age = searchParam(searchParams, "age");
  return {
    project: searchParam(searchParams, "project"),
    role: role === "maintainer" || role === "reviewer" ? role : undefined,
    minDays: age && /^\d{1,5}$/.test(age) ? Number(age) : undefined,
    after: searchParam(searchParams, "after"),
  };
}

/** A person's review queue page, from the address segment and the search params of its URL. */
export async function loadMaintainerQueue(
  db: Db,
  options: { emailSegment: string; searchParams: SearchParams; now: Date },
): Promise<MaintainerQueueView> {
  const email = routeEmail(options.emailSegment);
  const filters = queueFilters(options.searchParams);
  const { value, problem } = await problemOnPage(() =>
    maintainerQueue(db, { email, now: options.now, ...filters }),
  );
  return { email, filters, page: value, problem };
}
