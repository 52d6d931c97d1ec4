import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { createPatchCheckEndpoint, listPatchChecksEndpoint } from "@/lib/http/endpoints/patch-checks";

export const dynamic = "force-dynamic";

export const GET = nextRoute(listPatchChecksEndpoint, getServerDb);
export const POST = nextRoute(createPatchCheckEndpoint, getServerDb);
