import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { getMessageEndpoint } from "@/lib/http/endpoints/get-message";

export const dynamic = "force-dynamic";

export const GET = nextRoute(getMessageEndpoint, getServerDb);
