import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { createSeriesCheckEndpoint, listSeriesChecksEndpoint } from "@/lib/http/endpoints/series-checks";

export const dynamic = "force-dynamic";

export const GET = nextRoute(listSeriesChecksEndpoint, getServerDb);
export const POST = nextRoute(createSeriesCheckEndpoint, getServerDb);
