import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { maintainerQueueEndpoint } from "@/lib/http/endpoints/maintainer-queue";

export const dynamic = "force-dynamic";

export const GET = nextRoute(maintainerQueueEndpoint, getServerDb);
