import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { serverTesterApi } from "@/lib/http/tester-api";

export const dynamic = "force-dynamic";

export const POST = nextRoute(serverTesterApi.log, getServerDb);
