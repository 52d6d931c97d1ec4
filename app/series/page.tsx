import type { Metadata } from "next";

import { getServerDb } from "@/lib/db/server-db";
import { parseListParams } from "@/lib/ui/list-params";

import { SeriesListScreen } from "../_components/series-list-screen";
import { listSeriesForPage } from "../_lib/list-series-for-page";

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
  const result = await listSeriesForPage(getServerDb(), { params: listParams, now });
  return (
    <SeriesListScreen
      heading="All series"
      path="/series"
      q={listParams.q}
      after={listParams.after}
      result={result}
      now={now}
      showProject
    />
  );
}
