import { type Db, prisma } from "../client";

export interface MessageJson {
  msgid: string;
  subject: string;
  kind: "patch" | "cover" | "reply" | "pull" | "other";
  role: string | null;
  reason: string | null;
  from: { name: string; email: string };
  date: string | null;
  error: string | null;
  warnings: string[];
}

/**
 * Every stored message of a project (`patchwatch messages --json`). Raw messages that
 * could not be parsed have no project yet; with `includeFailed` they are listed too, with
 * their error, under the project they were imported into.
 */
export async function listMessagesJson(db: Db, projectName: string): Promise<MessageJson[]> {
  const rows = await prisma(db).projectMessage.findMany({
    where: { project: { name: projectName } },
    orderBy: { messageId: "asc" },
    select: {
      role: true,
      reason: true,
      message: {
        select: {
          msgid: true,
          subject: true,
          kind: true,
          fromName: true,
          fromEmail: true,
          date: true,
          warnings: true,
        },
      },
    },
  });
  const listed: MessageJson[] = rows.map(({ message: m, role, reason }) => ({
    msgid: m.msgid,
    subject: m.subject,
    kind: m.kind,
    role: role?.replaceAll("_", "-") ?? null,
    reason,
    from: { name: m.fromName, email: m.fromEmail },
    date: m.date?.toISOString() ?? null,
    error: null,
    warnings: m.warnings,
  }));
  const failed = await prisma(db).rawMessage.findMany({
    where: { importedInto: projectName, state: { in: ["failed", "duplicate", "pending"] } },
    orderBy: { id: "asc" },
    select: { msgid: true, state: true, error: true, errorDetail: true },
  });
  for (const f of failed) {
    listed.push({
      msgid: f.msgid,
      subject: "",
      kind: "other",
      role: null,
      reason: null,
      from: { name: "", email: "" },
      date: null,
      error:
        f.state === "pending"
          ? "pending: not processed yet"
          : `${f.error ?? f.state}: ${f.errorDetail ?? ""}`.trim(),
      warnings: [],
    });
  }
  return listed;
}
