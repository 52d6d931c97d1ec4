import { type Db, prisma } from "../client";

/** Everything Patchwatch decided about a message, in sentences (`patchwatch why`). */
export async function explainMessage(db: Db, msgid: string): Promise<string[] | null> {
  const raws = await prisma(db).rawMessage.findMany({
    where: { msgid },
    orderBy: { id: "asc" },
    select: {
      id: true,
      state: true,
      error: true,
      errorDetail: true,
      source: true,
      size: true,
      receivedAt: true,
    },
  });
  const message = await prisma(db).message.findUnique({
    where: { msgid },
    select: {
      subject: true,
      kind: true,
      kindReason: true,
      rawId: true,
      warnings: true,
      unroutedReason: true,
      msgidSynthesized: true,
      projects: { select: { project: { select: { name: true } }, routedBy: true, role: true, reason: true } },
    },
  });
  if (raws.length === 0 && !message) return null;
  const lines: string[] = [];
  for (const r of raws) {
    const state =
      r.state === "processed"
        ? "processed"
        : `${r.state}${r.error ? ` (${r.error}: ${r.errorDetail ?? ""})` : ""}`;
    lines.push(
      `raw #${r.id}: ${r.size} bytes from ${r.source ?? "?"}, received ${r.receivedAt.toISOString()}: ${state}`,
    );
  }
  if (!message) return lines;
  lines.push(`subject: ${message.subject}`);
  if (message.msgidSynthesized)
    lines.push("it had no usable Message-ID: one was derived from a hash of its bytes");
  lines.push(`parsed as ${message.kind}: ${message.kindReason}`);
  for (const w of message.warnings) lines.push(`warning: ${w}`);
  if (message.projects.length === 0) lines.push(message.unroutedReason ?? "not routed to any project");
  for (const p of message.projects) {
    lines.push(
      `project ${p.project.name} (${p.routedBy}): ${p.role ? `${p.role.replaceAll("_", " ")}: ` : ""}${p.reason ?? "not assembled yet"}`,
    );
  }
  return lines;
}
