import Link from "next/link";

import { SEARCH_HELP_HREF } from "@/lib/routes";

/** Why the search (or the page cursor) was refused, in the loader's words, with the way out. */
export function QueryProblem({ message }: { message: string }) {
  return (
    <div
      role="alert"
      className="my-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>{message}</p>
      <p className="mt-1">
        See{" "}
        <Link href={SEARCH_HELP_HREF} className="font-medium underline">
          how to search
        </Link>
        .
      </p>
    </div>
  );
}
