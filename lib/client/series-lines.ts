import type { SeriesItem } from "./api-client";

/**
 * Text from a server (titles and names come from mail) shown in a terminal: control
 * characters would move the cursor or recolour it (ANSI escapes), and bidi overrides
 * would reorder what is shown, so both become `?`.
 */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "?");
}

/** The state words of a series, most telling first; `new` when nothing happened yet. */
export function seriesState(s: SeriesItem): string {
  const words = [
    s.mergedAt ? "merged" : "",
    s.obsoletedBy ? "obsolete" : "",
    s.complete ? "" : "incomplete",
    s.reviewed ? "reviewed" : "",
    s.apply ? s.apply.status : "",
  ].filter(Boolean);
  return words.length > 0 ? words.join(",") : "new";
}

/** One line per series, columns aligned: project, version, patches, state, title, Message-ID. */
export function seriesLines(items: readonly SeriesItem[]): string[] {
  const rows = items.map((s) => [
    printable(s.project),
    `v${s.version}`,
    s.complete ? String(s.total) : `${s.received}/${s.total}`,
    seriesState(s),
    printable(s.subject),
    `<${printable(s.id)}>`,
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(0, ...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join("  "));
}
