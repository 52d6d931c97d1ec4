import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getServerDb } from "@/lib/db/server-db";
import { bareMsgid, projectHref, routeMsgid, seriesHref } from "@/lib/routes";
import { searchParam } from "@/lib/ui/list-params";
import { loadInterdiffPage } from "@/lib/views/interdiff-page";

import { InterdiffPairView } from "./interdiff-pair";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ project: string; msgid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export const metadata: Metadata = { title: "Interdiff" };

/** What changed between this version of a series and another (`?against=<head msgid>`), patch by patch. */
export default async function InterdiffPage({ params, searchParams }: Props) {
  const { project, msgid: raw } = await params;
  const against = searchParam(await searchParams, "against");
  if (!against) notFound();
  const here = routeMsgid(raw);
  const view = await loadInterdiffPage(getServerDb(), project, here, bareMsgid(against));
  if (!view) notFound();
  const { older, newer, pairs, changed } = view;
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href={projectHref(project)} className="hover:underline">
            {project}
          </Link>{" "}
          ›{" "}
          <Link href={seriesHref(project, here)} className="hover:underline">
            series
          </Link>{" "}
          › interdiff
        </nav>
        <h1 className="text-xl font-semibold break-words">
          {newer.title}: v{older.version} → v{newer.version}
        </h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          <Link
            href={seriesHref(project, older.headMsgid)}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            v{older.version}
          </Link>{" "}
          ({older.patches.length} patches) against{" "}
          <Link
            href={seriesHref(project, newer.headMsgid)}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            v{newer.version}
          </Link>{" "}
          ({newer.patches.length} patches):{" "}
          {changed === 0 ? "no patch changed" : `${changed} of ${pairs.length} changed`}. Lines read{" "}
          <code className="font-mono">-</code>/<code className="font-mono">+</code> first for the change
          between versions, then the patch line itself.
        </p>
      </header>
      <ol className="space-y-3">
        {pairs.map((pair, i) => (
          <InterdiffPairView key={i} pair={pair} olderVersion={older.version} newerVersion={newer.version} />
        ))}
      </ol>
    </div>
  );
}
