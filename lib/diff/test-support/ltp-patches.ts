import path from "node:path";
import { fileURLToPath } from "node:url";

import { parseMessage } from "../../mail/parse-message";
import type { Mail } from "../../mail/types";
import { openMessageSource } from "../../mbox/open-source";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ltpArchive = path.resolve(here, "../../../prisma/seed/ltp-2025-09..2026-03.mbox.gz");

/**
 * The parsed mails of the LTP sample archive with the given Message-IDs. Only messages whose
 * raw bytes name one of them are parsed, so a handful of patches costs a pass over the file.
 */
export async function ltpMails(msgids: string[]): Promise<Map<string, Mail>> {
  const wanted = new Set(msgids);
  const found = new Map<string, Mail>();
  for await (const { raw } of openMessageSource(ltpArchive)) {
    const text = raw.toString("latin1");
    if (!msgids.some((id) => text.includes(id))) continue;
    const parsed = await parseMessage(raw);
    if (parsed.ok && wanted.has(parsed.mail.messageId)) found.set(parsed.mail.messageId, parsed.mail);
    if (found.size === wanted.size) break;
  }
  return found;
}
