import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { digestUnsubscribeEndpoint } from "@/lib/http/endpoints/digest-unsubscribe";

export const dynamic = "force-dynamic";

export const POST = nextRoute(digestUnsubscribeEndpoint, getServerDb);
