import { getServerDb } from "@/lib/db/server-db";
import { jobLogRaw } from "@/lib/http/job-log-door";
import { nextTextRoute } from "@/lib/http/text-door";

export const dynamic = "force-dynamic";

/** A test job's log as plain text. */
export const GET = nextTextRoute(jobLogRaw, getServerDb);
