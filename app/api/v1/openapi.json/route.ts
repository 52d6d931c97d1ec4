import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { getOpenApiEndpoint } from "@/lib/http/endpoints/get-openapi";

export const dynamic = "force-dynamic";

export const GET = nextRoute(getOpenApiEndpoint, getServerDb);
