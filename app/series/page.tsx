import type { Metadata } from "next";

import { getServerDb } from "@/lib/db/server-db";
import { searchHref } from "@/lib/routes";
import { parseListParams } from "@/lib/ui/list-params";
import { loadSeriesList } from "@/lib/views/series-list";

import { SeriesListScreen } from "../_components/series-list-screen";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "All series" };

/** Every project's series in one list (the header's search box lands here). */
export default async function AllSeriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const listParams = parseListParams(await searchParams);
  const now = new Date();
  const result = await loadSeriesList(getServerDb(), { params: listParams, now });
  return (
    <SeriesListScreen
      heading="All series"
      path={searchHref()}
      q={listParams.q}
      after={listParams.after}
      result={result}
      now={now}
      showProject
    />
  );
}
