import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { listProjectsEndpoint } from "@/lib/http/endpoints/list-projects";

export const dynamic = "force-dynamic";

export const GET = nextRoute(listProjectsEndpoint, getServerDb);
