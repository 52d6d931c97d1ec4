import { listImapSources } from "@/lib/config/projects-file";
import { projectsConfig } from "@/lib/config/server-config";
import { getServerDb } from "@/lib/db/server-db";
import { getStatus } from "@/lib/db/status/get-status";
import { userMessage } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 with the status report when every IMAP source is connected,
 * 503 with the same report when one is not, 503 with a message when the database
 * cannot be reached.
 */
export async function GET(): Promise<Response> {
  try {
    const sources = listImapSources(projectsConfig().projects);
    const report = await getStatus(getServerDb(), sources, new Date());
    return Response.json(report, { status: report.ok ? 200 : 503 });
  } catch (error) {
    console.error(error);
    return Response.json({ ok: false, error: userMessage(error) }, { status: 503 });
  }
}
