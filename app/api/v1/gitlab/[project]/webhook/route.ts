import { getServerDb } from "@/lib/db/server-db";
import { nextRoute } from "@/lib/http/api-endpoint";
import { gitlabSettingsFromConfig, gitlabWebhookEndpoint } from "@/lib/http/endpoints/gitlab-webhook";

export const dynamic = "force-dynamic";

export const POST = nextRoute(gitlabWebhookEndpoint(gitlabSettingsFromConfig), getServerDb);
