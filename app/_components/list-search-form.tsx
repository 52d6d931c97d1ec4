import Link from "next/link";

import { SEARCH_HELP_HREF } from "@/lib/routes";

/** The search box at the top of a list: a plain GET form, so it works without JavaScript. */
export function ListSearchForm({ action, q, label }: { action: string; q: string; label: string }) {
  return (
    <form role="search" action={action} method="get" className="flex flex-wrap items-center gap-2">
      <label htmlFor="list-search" className="sr-only">
        {label}
      </label>
      <input
        id="list-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="is:reviewed from:name age:<2w"
        autoComplete="off"
        spellCheck={false}
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm placeholder:text-zinc-500 focus:outline-2 focus:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        className="rounded border border-zinc-300 bg-zinc-100 px-3 py-1 text-sm font-medium hover:bg-zinc-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-800 dark:hover:bg-zinc-700"
      >
        Search
      </button>
      <Link href={SEARCH_HELP_HREF} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
        Search help
      </Link>
    </form>
  );
}
