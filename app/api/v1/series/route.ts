import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { listSeriesEndpoint } from "@/lib/http/endpoints/list-series";

export const dynamic = "force-dynamic";

export const GET = nextRoute(listSeriesEndpoint, getServerDb);
