import Link from "next/link";

import { HOME_HREF, SEARCH_HELP_HREF, searchHref } from "@/lib/routes";

const navLink =
  "rounded px-1 text-zinc-700 hover:text-zinc-950 hover:underline dark:text-zinc-300 dark:hover:text-white";

/** The product name, the three ways in (projects, all series, search help) and a search box over every project. */
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-2">
        <Link href={HOME_HREF} className="text-lg font-semibold tracking-tight">
          Patchwatch
        </Link>
        <nav aria-label="Site" className="flex gap-3 text-sm">
          <Link href={HOME_HREF} className={navLink}>
            Projects
          </Link>
          <Link href={searchHref()} className={navLink}>
            All series
          </Link>
          <Link href={SEARCH_HELP_HREF} className={navLink}>
            Search help
          </Link>
        </nav>
        <form role="search" action={searchHref()} method="get" className="w-full sm:ml-auto sm:w-64">
          <label htmlFor="site-search" className="sr-only">
            Search all series
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search all series"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm placeholder:text-zinc-500 focus:outline-2 focus:outline-sky-600 dark:border-zinc-700 dark:bg-zinc-900"
          />
        </form>
      </div>
    </header>
  );
}
