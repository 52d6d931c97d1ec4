import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { searchFeed } from "@/lib/http/feeds/series-feeds";

export const dynamic = "force-dynamic";

/** A saved search (`?q=`) as an Atom feed. */
export const GET = nextRoute(searchFeed, getServerDb);
