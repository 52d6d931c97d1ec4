import type { SeriesListRow } from "../db/series/list-series";
import { seriesUrl } from "../routes";
import { nameUuid } from "./name-uuid";
import type { AtomEntry, AtomFeed } from "./write-atom-feed";

/** Patchwatch's namespace for name-based feed and entry ids. Never change it: readers would see every entry as new. */
const PATCHWATCH_NS = "9efb5c28-88c3-4e58-b372-5dd337b32b3c";

/** A series is the same entry wherever it is listed: its id is derived from project and head Message-ID. */
export function seriesEntryId(project: string, headMsgid: string): string {
  return `urn:uuid:${nameUuid(PATCHWATCH_NS, `series\n${project}\n${headMsgid}`)}`;
}

export function feedId(kind: "project" | "search", key: string): string {
  return `urn:uuid:${nameUuid(PATCHWATCH_NS, `feed\n${kind}\n${key}`)}`;
}

function tag(row: SeriesListRow): string {
  const words = [
    row.isRfc ? "RFC" : null,
    row.isPull ? "PULL" : "PATCH",
    row.version > 1 ? `v${row.version}` : null,
  ];
  return `[${words.filter(Boolean).join(" ")}]`;
}

/** One line a reader can scan: version, patches, and where the series stands. */
export function seriesSummary(row: SeriesListRow): string {
  const parts = [
    `v${row.version}`,
    `${row.received}/${row.total} patch${row.total === 1 ? "" : "es"}${row.complete ? "" : " (incomplete)"}`,
  ];
  if (row.reviewed) parts.push("reviewed");
  else if (row.reviewedPatches > 0) parts.push(`${row.reviewedPatches}/${row.total} reviewed`);
  if (row.mergedAt) parts.push("merged");
  if (row.obsoletedBy)
    parts.push(row.obsoletedByVersion ? `obsoleted by v${row.obsoletedByVersion}` : "obsoleted");
  if (row.apply) parts.push(`apply: ${row.apply.status}`);
  if (row.tests) parts.push(`tests: ${row.tests.passed} passed, ${row.tests.failed} failed`);
  parts.push(`${row.replyCount} repl${row.replyCount === 1 ? "y" : "ies"}`);
  return parts.join(", ");
}

export function seriesEntry(row: SeriesListRow, origin: string): AtomEntry {
  const updated = row.lastActivity ?? row.date ?? new Date(0);
  return {
    id: seriesEntryId(row.project, row.headMsgid),
    title: `${tag(row)} ${row.title}`,
    updated,
    published: row.date ?? undefined,
    author: { name: row.authorName, email: row.authorEmail || undefined },
    htmlUrl: seriesUrl(origin, row.project, row.headMsgid),
    summary: seriesSummary(row),
    categories: [row.project],
  };
}

/**
 * A feed of series, newest activity first as listed. Its `updated` is the newest entry's,
 * so an unchanged feed is byte-for-byte the same; `emptyUpdated` stands in when there is none.
 */
export function seriesFeed(
  rows: SeriesListRow[],
  feed: {
    id: string;
    title: string;
    subtitle?: string;
    selfUrl: string;
    htmlUrl: string;
    origin: string;
    emptyUpdated: Date;
  },
): AtomFeed {
  const entries = rows.map((row) => seriesEntry(row, feed.origin));
  const newest = entries.reduce<Date | null>(
    (max, e) => (max === null || e.updated > max ? e.updated : max),
    null,
  );
  return {
    id: feed.id,
    title: feed.title,
    subtitle: feed.subtitle,
    updated: newest ?? feed.emptyUpdated,
    selfUrl: feed.selfUrl,
    htmlUrl: feed.htmlUrl,
    entries,
  };
}
