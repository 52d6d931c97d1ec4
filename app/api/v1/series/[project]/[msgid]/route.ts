import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { getSeriesEndpoint } from "@/lib/http/endpoints/get-series";

export const dynamic = "force-dynamic";

export const GET = nextRoute(getSeriesEndpoint, getServerDb);
