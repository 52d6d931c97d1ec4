import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { projectStatsEndpoint } from "@/lib/http/endpoints/project-stats";

export const dynamic = "force-dynamic";

export const GET = nextRoute(projectStatsEndpoint, getServerDb);
