import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { getServerDb } from "@/lib/db/server-db";
import { routeMsgid } from "@/lib/routes";
import { loadSeriesPage } from "@/lib/views/series/load-series-page";

import { ApplyBox } from "./_components/apply-box";
import { CoverLetter } from "./_components/cover-letter";
import { Discussion } from "./_components/discussion";
import { PatchArticle } from "./_components/patch-article";
import { PatchIndex } from "./_components/patch-index";
import { SeriesChecks } from "./_components/series-checks";
import { SeriesHeader } from "./_components/series-header";
import { SeriesPeopleSection } from "./_components/series-people";
import { VersionHistory } from "./_components/version-history";

export const dynamic = "force-dynamic";

// Links on this page are plain <a>: next/link would prefetch the page of every message in
// the thread as it scrolls into view, and each one costs a render here and on the server.

interface Props {
  params: Promise<{ project: string; msgid: string }>;
}

/** Metadata and page ask for the same series; one load serves both. */
const load = cache((project: string, msgid: string) => loadSeriesPage(getServerDb(), project, msgid));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project, msgid } = await params;
  const view = await load(project, routeMsgid(msgid));
  return view?.kind === "series" ? { title: `${view.series.title} v${view.series.version}` } : {};
}

/** The origin the browser used, for a command to paste into a shell. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export default async function SeriesPageView({ params }: Props) {
  const { project, msgid } = await params;
  const view = await load(project, routeMsgid(msgid));
  if (!view) notFound();
  if (view.kind === "redirect") redirect(view.href);
  const { series: s, files } = view;
  const now = new Date();
  return (
    <div className="space-y-5">
      <SeriesHeader s={s} tests={view.testsSummary} now={now} />
      <ApplyBox s={s} origin={await requestOrigin()} />
      <SeriesChecks
        contexts={s.checks.contexts}
        untested={view.untested}
        patches={s.patches}
        total={s.total}
        now={now}
      />
      <SeriesPeopleSection people={view.people} fromThread={view.fromThread} />
      <VersionHistory project={s.project} headMsgid={s.headMsgid} revisions={s.revisions} />
      {s.cover ? <CoverLetter cover={s.cover} /> : null}
      <section aria-labelledby="patches-heading" className="space-y-3">
        <h2 id="patches-heading" className="text-lg font-semibold">
          Patches ({s.received}/{s.total})
        </h2>
        <PatchIndex s={s} />
        {s.patches.map((p, i) => (
          <PatchArticle
            key={p.index}
            patch={p}
            total={s.total}
            project={s.project}
            headMsgid={s.headMsgid}
            files={files[i]!}
          />
        ))}
      </section>
      <Discussion s={s} />
    </div>
  );
}
