import fs from "node:fs/promises";
import path from "node:path";

import {
  maxMessageBytes,
  type MessageSourceOptions,
  type SourceMessage,
  skipOversized,
} from "./source-types";

/**
 * Messages of a maildir: every file in `new/` and `cur/`, one message per file, bytes as
 * stored. `tmp/` holds deliveries in progress and is skipped, as are names starting with
 * a dot (maildir(5); https://cr.yp.to/proto/maildir.html). Files are read in name order
 * across both folders, which is delivery order for names that start with the delivery
 * time, and the same order on every run.
 *
 * A maildir that a mail client changes while it is read may lose a message to us (moved
 * from new/ to cur/ after the listing): read a quiet copy, or read again.
 */
export async function* readMaildir(
  dir: string,
  options: MessageSourceOptions = {},
): AsyncGenerator<SourceMessage, void, undefined> {
  const entries: { sub: string; name: string }[] = [];
  for (const sub of ["cur", "new"]) {
    let names: string[];
    try {
      names = await fs.readdir(path.join(dir, sub));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    for (const name of names) if (!name.startsWith(".")) entries.push({ sub, name });
  }
  // Code-unit order, not locale order: the same on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.sub < b.sub ? -1 : 1));
  for (const { sub, name } of entries) {
    const origin = `maildir:${sub}/${name}`;
    const raw = await readIfFile(path.join(dir, sub, name), maxMessageBytes(options));
    if (typeof raw === "number") skipOversized(options, dir, origin, raw);
    else if (raw) yield { raw, origin };
  }
}

/**
 * The file's bytes; its size if over `limit` (not read); null if it is not a regular file
 * or disappeared since the listing.
 */
async function readIfFile(file: string, limit: number): Promise<Buffer | number | null> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return null;
    return stat.size > limit ? stat.size : await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
