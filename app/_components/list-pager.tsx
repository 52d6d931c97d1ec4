import Link from "next/link";

import { listHref } from "@/lib/routes";

/**
 * Keyset paging: "Older" carries the last row's cursor; there are no page numbers,
 * since new mail shifts every page but never a cursor.
 */
export function ListPager({
  path,
  q,
  after,
  next,
}: {
  path: string;
  q: string;
  after: string | null;
  next: string | null;
}) {
  if (!after && !next) return null;
  const link =
    "rounded px-2 py-1 text-sky-700 hover:bg-zinc-100 hover:underline dark:text-sky-400 dark:hover:bg-zinc-900";
  return (
    <nav aria-label="Pages" className="mt-3 flex justify-between text-sm">
      {after ? (
        <Link href={listHref(path, { q })} className={link}>
          ← Newest
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={listHref(path, { q, after: next })} rel="next" className={link}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
