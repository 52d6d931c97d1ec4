import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { getServerDb } from "@/lib/db/server-db";
import { lostHref, projectFeedHref, projectHref, statsHref } from "@/lib/routes";
import { parseListParams } from "@/lib/ui/list-params";
import { loadProjectSeries } from "@/lib/views/project-series";

import { SeriesListScreen } from "../_components/series-list-screen";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Metadata and page ask for the same project and list; one load serves both. */
const load = cache((name: string, q: string, after: string | null) =>
  loadProjectSeries(getServerDb(), name, { q, after }, new Date()),
);

async function loadFor({ params, searchParams }: Props) {
  const { q, after } = parseListParams(await searchParams);
  return load((await params).project, q, after);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const view = await loadFor(props);
  if (!view) return {};
  const { project } = view;
  return {
    title: `${project.displayName} series`,
    alternates: {
      types: {
        "application/atom+xml": [
          { url: projectFeedHref(project.name), title: `${project.displayName} series` },
        ],
      },
    },
  };
}

export default async function ProjectSeriesPage(props: Props) {
  const view = await loadFor(props);
  if (!view) notFound();
  const { project, params: listParams, result, now } = view;
  return (
    <SeriesListScreen
      heading={project.displayName}
      aside={
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {project.parent ? (
            <>
              subproject of{" "}
              <Link href={projectHref(project.parent)} className="hover:underline">
                {project.parent}
              </Link>
              {" · "}
            </>
          ) : null}
          <a href={lostHref(project.name)} className="text-sky-700 hover:underline dark:text-sky-400">
            Lost series
          </a>
          {" · "}
          <a href={statsHref(project.name)} className="text-sky-700 hover:underline dark:text-sky-400">
            Stats
          </a>
          {" · "}
          <a href={projectFeedHref(project.name)} className="text-sky-700 hover:underline dark:text-sky-400">
            Atom feed
          </a>
        </p>
      }
      path={projectHref(project.name)}
      q={listParams.q}
      after={listParams.after}
      result={result}
      now={now}
      showProject={false}
    />
  );
}
