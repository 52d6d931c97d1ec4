import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { listLostEndpoint } from "@/lib/http/endpoints/list-lost";

export const dynamic = "force-dynamic";

export const GET = nextRoute(listLostEndpoint, getServerDb);
