import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { findProject } from "@/lib/db/projects/find-project";
import { getServerDb } from "@/lib/db/server-db";
import { parseListParams } from "@/lib/ui/list-params";

import { SeriesListScreen } from "../_components/series-list-screen";
import { listSeriesForPage } from "../_lib/list-series-for-page";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Metadata and page ask for the same project; one query serves both. */
const loadProject = cache((name: string) => findProject(getServerDb(), name));

const feedHref = (project: string) => `/${encodeURIComponent(project)}/atom.xml`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = await loadProject((await params).project);
  if (!project) return {};
  return {
    title: `${project.displayName} series`,
    alternates: {
      types: {
        "application/atom+xml": [{ url: feedHref(project.name), title: `${project.displayName} series` }],
      },
    },
  };
}

export default async function ProjectSeriesPage({ params, searchParams }: Props) {
  const project = await loadProject((await params).project);
  if (!project) notFound();
  const listParams = parseListParams(await searchParams);
  const now = new Date();
  const result = await listSeriesForPage(getServerDb(), {
    projects: [project.name],
    params: listParams,
    now,
  });
  const path = `/${encodeURIComponent(project.name)}`;
  return (
    <SeriesListScreen
      heading={project.displayName}
      aside={
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {project.parent ? (
            <>
              subproject of{" "}
              <Link href={`/${encodeURIComponent(project.parent)}`} className="hover:underline">
                {project.parent}
              </Link>
              {" · "}
            </>
          ) : null}
          <a
            href={`/${encodeURIComponent(project.name)}/lost`}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            Lost series
          </a>
          {" · "}
          <a
            href={`/${encodeURIComponent(project.name)}/stats`}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            Stats
          </a>
          {" · "}
          <a href={feedHref(project.name)} className="text-sky-700 hover:underline dark:text-sky-400">
            Atom feed
          </a>
        </p>
      }
      path={path}
      q={listParams.q}
      after={listParams.after}
      result={result}
      now={now}
      showProject={false}
    />
  );
}
