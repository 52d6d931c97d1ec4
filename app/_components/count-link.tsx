import Link from "next/link";

import { projectHref } from "@/lib/routes";

/**
 * A count in the projects table, leading to the list it counts. Its label shows on a
 * phone, where the table's header row is gone; `testId` wraps the bare number.
 */
export function CountLink({
  project,
  q,
  count,
  label,
  explanation,
  testId,
}: {
  project: string;
  q?: string;
  count: number;
  label: string;
  explanation: string;
  testId?: string;
}) {
  return (
    <Link
      href={projectHref(project, { q })}
      title={`${count} ${explanation}`}
      className={`tabular-nums hover:underline ${count === 0 ? "text-zinc-500" : "text-sky-800 dark:text-sky-300"}`}
    >
      <span data-testid={testId}>{count}</span>
      <span className="sm:sr-only"> {label}</span>
    </Link>
  );
}
