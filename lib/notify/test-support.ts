import { parseMessage } from "../mail/parse-message";
import type { Mail } from "../mail/types";
import { patchewMessages } from "../mail/test-support/fixtures";
import type { RobotSettings, SeriesFacts } from "./types";

/** The parsed mails of a patchew fixture, in file order. */
export async function fixtureMails(name: string): Promise<Mail[]> {
  const mails: Mail[] = [];
  for (const raw of patchewMessages(name)) {
    const parsed = await parseMessage(raw);
    if (parsed.ok) mails.push(parsed.mail);
  }
  return mails;
}

/** Series facts as the worker would load them, from a fixture's cover letter (or single patch) and patches. */
export function seriesFactsOf(mails: Mail[], project = "qemu"): SeriesFacts {
  const head = mails.find((m) => m.kind === "cover") ?? mails.find((m) => m.kind === "patch")!;
  const patches = mails
    .filter((m) => m.kind === "patch")
    .map((m, i) => ({
      index: m.parsedSubject.part?.index ?? i + 1,
      msgid: m.messageId,
      subject: m.parsedSubject.title,
      files: (m.patch?.stat.files ?? []).flatMap((f) => f.newPath ?? f.oldPath ?? []),
    }));
  return {
    projectId: 1,
    project,
    seriesId: 7n,
    headMsgid: head.messageId,
    title: head.parsedSubject.title,
    version: head.parsedSubject.version,
    author: { name: head.from?.name ?? "", email: head.from?.email ?? "" },
    head: {
      msgid: head.messageId,
      subject: head.subject,
      references: head.references,
      recipients: [...head.to, ...head.cc].map((a) => a.email),
    },
    patches,
  };
}

export const robot: RobotSettings = {
  from: { name: "Patchwatch", address: "robot@patchwatch.example.org" },
  lists: ["qemu-devel@nongnu.org", "qemu-block@nongnu.org"],
  ccLists: true,
  maintainers: [],
  publicUrl: "https://patchwatch.example.org",
};
