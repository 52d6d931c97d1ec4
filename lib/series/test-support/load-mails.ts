import path from "node:path";
import { fileURLToPath } from "node:url";

import { parseMessage } from "../../mail/parse-message";
import { openMessageSource } from "../../mbox/open-source";
import { toSeriesMessage } from "../from-mail";
import type { SeriesMessage } from "../types";

const here = path.dirname(fileURLToPath(import.meta.url));

export const fixtureDirs = {
  patchew: path.resolve(here, "../../mail/__fixtures__/patchew"),
  ltp: path.resolve(here, "../../../prisma/seed/ltp-2025-09..2026-03.mbox.gz"),
};

/**
 * The messages of mail files (gzip or not, mbox or one raw message: openMessageSource
 * decides by content) as assembly sees them. `seq` follows file order, as storage would;
 * a Message-ID seen again is dropped, as the database keeps the first copy.
 */
export async function loadSeriesMessages(files: string[]): Promise<SeriesMessage[]> {
  const out: SeriesMessage[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for await (const { raw } of openMessageSource(file)) {
      const parsed = await parseMessage(raw);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error} ${parsed.detail}`);
      if (seen.has(parsed.mail.messageId)) continue;
      seen.add(parsed.mail.messageId);
      out.push(toSeriesMessage(parsed.mail, out.length + 1));
    }
  }
  return out;
}

export function patchew(...names: string[]): string[] {
  return names.map((n) => path.join(fixtureDirs.patchew, n));
}
