import { getServerDb } from "@/lib/db/server-db";
import { projectSeriesMbox } from "@/lib/http/mbox/series-mbox-door";
import { nextTextRoute } from "@/lib/http/text-door";

export const dynamic = "force-dynamic";

/** The newest revision of the series as a `git am` mbox with the collected trailers (`?patch=N`, `?cover=1`). */
export const GET = nextTextRoute(projectSeriesMbox, getServerDb);
