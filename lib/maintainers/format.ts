import { formatPerson } from "./email";
import type { MaintainerEntry } from "./types";

/** One line per entry, as `get_maintainer.pl --roles --no-rolestats` prints them. */
export function formatMaintainerLines(entries: readonly MaintainerEntry[]): string[] {
  return entries.map((e) => `${formatPerson(e.name, e.email)} (${e.label})`);
}
