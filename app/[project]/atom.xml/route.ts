import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { projectFeed } from "@/lib/http/feeds/series-feeds";

export const dynamic = "force-dynamic";

/** The project's series as an Atom feed; the static `atom.xml` segment wins over app/[project]/[msgid]. */
export const GET = nextRoute(projectFeed, getServerDb);
