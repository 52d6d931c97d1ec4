import { getServerDb } from "@/lib/db/server-db";
import { seriesMbox } from "@/lib/http/mbox/series-mbox-door";
import { nextTextRoute } from "@/lib/http/text-door";

export const dynamic = "force-dynamic";

/** The series holding a message, found in whichever project has it, as a `git am` mbox. */
export const GET = nextTextRoute(seriesMbox, getServerDb);
