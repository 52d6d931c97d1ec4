import { getMessagePage, type MessageRef } from "../../db/messages/get-message-page";
import { PatchwatchError } from "../../errors";
import { apiEndpoint } from "../api-endpoint";
import { getMessageContract } from "../contracts";
import { seriesLinks } from "../../routes";

/** GET /api/v1/messages/{msgid}: what Patchwatch knows and decided about a message; bodies and raw bytes stay out. */
export const getMessageEndpoint = apiEndpoint(getMessageContract, async ({ db, params }) => {
  const page = await getMessagePage(db, params.msgid);
  if (!page) throw new PatchwatchError("not-found", `no message ${params.msgid}`);
  const m = page.message;
  const failed = page.raws.find((r) => r.error !== null);
  return {
    body: {
      msgid: page.msgid,
      state: m ? "parsed" : (page.raws[0]?.state ?? "pending"),
      error: !m && failed ? { code: failed.error ?? "", detail: failed.errorDetail ?? "" } : null,
      message: m && {
        subject: m.subject,
        from: m.from,
        to: m.to,
        cc: m.cc,
        date: iso(m.date),
        inReplyTo: m.inReplyTo,
        listId: m.listId,
        kind: m.kind,
        kindReason: m.kindReason,
        trailers: m.trailers,
        warnings: m.warnings,
        pullUrl: m.pullUrl,
        hasDiff: m.diff !== null && m.diff !== "",
        msgidSynthesized: m.msgidSynthesized,
        unroutedReason: m.unroutedReason,
      },
      projects: page.projects.map((p) => ({
        project: p.project,
        routedBy: p.routedBy,
        role: p.role?.replaceAll("_", "-") ?? null,
        reason: p.reason,
        series: p.series && {
          id: p.series.headMsgid,
          subject: p.series.title,
          version: p.series.version,
          total: p.series.total,
          links: seriesLinks(p.project, p.series.headMsgid),
        },
        patchIndex: p.patchIndex,
      })),
      raws: page.raws.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })),
      parent: page.parent && ("missing" in page.parent ? page.parent : toRef(page.parent)),
      replies: page.children.map(toRef),
    },
  };
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toRef(r: MessageRef) {
  return { msgid: r.msgid, subject: r.subject, from: r.fromName, date: iso(r.date) };
}
