import type { Metadata } from "next";
import Link from "next/link";

import { LIMITS_HELP, OPERATOR_HELP, SYNTAX_HELP } from "@/lib/query/help";
import { searchHref } from "@/lib/routes";

export const metadata: Metadata = { title: "How to search" };

const cell = "px-2 py-1.5 align-top";
const headCell = "px-2 py-1.5 text-left font-medium";
const code = "font-mono text-[0.8125rem] whitespace-nowrap";

/** An example the reader can run: it opens the list of every project's series with that search. */
function Example({ q }: { q: string }) {
  return (
    <Link
      href={searchHref({ q })}
      className="font-mono text-[0.8125rem] [overflow-wrap:anywhere] text-sky-800 hover:underline dark:text-sky-300"
      title={`search all series for ${q}`}
    >
      {q}
    </Link>
  );
}

function HelpTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { syntax: string; aliases?: string[]; meaning: string; example: string }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
        <thead className="border-b border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
          <tr>
            <th scope="col" className={headCell}>
              {first}
            </th>
            <th scope="col" className={headCell}>
              Finds series where
            </th>
            <th scope="col" className={`${headCell} hidden sm:table-cell`}>
              Example
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.syntax} className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="row" className={`${cell} text-left font-normal`}>
                <span className={code}>{row.syntax}</span>
                {row.aliases && row.aliases.length > 0 && (
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    also <span className="font-mono">{row.aliases.join(" ")}</span>
                  </span>
                )}
              </th>
              <td className={cell}>
                {row.meaning}
                {/* On a phone the example goes under its meaning: three columns do not fit. */}
                <span className="mt-0.5 block sm:hidden">
                  e.g. <Example q={row.example} />
                </span>
              </td>
              <td className={`${cell} hidden sm:table-cell`}>
                <Example q={row.example} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The search language, from lib/query/help.ts (the same list the parser is tested against). */
export default function SearchHelpPage() {
  return (
    <article className="space-y-6" aria-labelledby="search-help-heading">
      <header>
        <h1 id="search-help-heading" className="text-xl font-semibold">
          How to search
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          Type terms separated by spaces: a series is listed when it matches all of them. The language is
          patchew&apos;s, with lore&apos;s <span className="font-mono">b: nq: dfn: dfb:</span> for message and
          diff text.
        </p>
      </header>
      <HelpTable caption="Combining terms" first="Syntax" rows={SYNTAX_HELP} />
      <HelpTable caption="Operators" first="Operator" rows={OPERATOR_HELP} />
      <section aria-labelledby="limits-heading">
        <h2 id="limits-heading" className="text-base font-semibold">
          Good to know
        </h2>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {LIMITS_HELP.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
