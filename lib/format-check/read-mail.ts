import { parsePerson } from "../mail/addresses";
import { decodeText } from "../mail/decode-text";
import { parseMessage } from "../mail/parse-message";
import { readMime } from "../mail/read-mime";
import type { Address } from "../mail/types";
import type { ReadMail, SentText } from "./types";

/**
 * A mail of the format-check mailbox, read twice: by lib/mail as the list ingester reads
 * it (the Mail that series assembly and trailers need), and as the mail client sent it
 * (text parts with their CRs and format=flowed soft breaks, the From header before any
 * DMARC rewriting is undone), which is where the damage a mail client does can be seen.
 */
export type ReadResult = { ok: true; read: ReadMail } | { ok: false; error: string };

export async function readMail(raw: Buffer, ref: string, receivedAt: Date): Promise<ReadResult> {
  const parsed = await parseMessage(raw);
  if (!parsed.ok) return { ok: false, error: `${parsed.error}: ${parsed.detail}` };
  let texts: SentText[] = [];
  let fromHeader: Address | null = null;
  try {
    const mime = await readMime(raw);
    fromHeader = mime.from;
    texts = mime.parts
      .filter((p) => p.content !== null && (p.contentType.startsWith("text/") || p.filename !== null))
      .map((p) => ({
        text: decodeText(p.content!, p.charset).text,
        flowed: p.flowed,
        delSp: p.delSp,
        inline: p.disposition === "inline",
        contentType: p.contentType,
      }));
  } catch {
    // parseMessage read it, so this does not happen; without the texts the damage checks see nothing.
  }
  const firstText = texts.find((t) => t.inline && t.contentType === "text/plain");
  return {
    ok: true,
    read: {
      ref,
      receivedAt,
      mail: parsed.mail,
      fromHeader,
      inBodyFrom: firstText ? inBodyFrom(firstText.text) : null,
      texts,
      size: raw.length,
    },
  };
}

/**
 * git mailinfo reads `From:`, `Subject:` and `Date:` lines at the very top of the body as
 * the commit's own headers (git-am(1), "in-body headers"); format-patch writes `From:`
 * there when the author is not the sender.
 */
export function inBodyFrom(text: string): Address | null {
  const lines = text.replace(/\r/g, "").split("\n");
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  for (; i < lines.length; i++) {
    const header = /^(From|Subject|Date):\s*(.*)$/i.exec(lines[i]!);
    if (!header) return null;
    if (header[1]!.toLowerCase() === "from") return parsePerson(header[2]!);
  }
  return null;
}
