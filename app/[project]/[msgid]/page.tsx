import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import { getSeriesPeopleByHead } from "@/lib/db/maintainers/series-people";
import { findSeriesOfMessage } from "@/lib/db/series/find-series-of-message";
import { getSeriesPage } from "@/lib/db/series/get-series-page";
import { getServerDb } from "@/lib/db/server-db";
import { seriesHref } from "@/lib/ui/list-params";
import { checksOverview } from "@/lib/ui/check-view";
import { prepareDiffs } from "@/lib/ui/prepare-diffs";

import { ApplyBox } from "./_components/apply-box";
import { CoverLetter } from "./_components/cover-letter";
import { Discussion } from "./_components/discussion";
import { PatchArticle } from "./_components/patch-article";
import { PatchIndex } from "./_components/patch-index";
import { SeriesChecks } from "./_components/series-checks";
import { SeriesHeader } from "./_components/series-header";
import { SeriesPeopleSection } from "./_components/series-people";
import { VersionHistory } from "./_components/version-history";
import { routeMsgid } from "@/lib/ui/route-msgid";
import { configuredTests, projectSettings } from "@/app/_lib/project-settings";
import { pingPeople } from "@/lib/series/ping-people";
import { threadPeopleOf } from "@/lib/ui/thread-people";

export const dynamic = "force-dynamic";

// Links on this page are plain <a>: next/link would prefetch the page of every message in
// the thread as it scrolls into view, and each one costs a render here and on the server.

interface Props {
  params: Promise<{ project: string; msgid: string }>;
}

const load = cache((project: string, msgid: string) => getSeriesPage(getServerDb(), project, msgid));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project, msgid } = await params;
  const s = await load(project, routeMsgid(msgid));
  return s ? { title: `${s.title} v${s.version}` } : {};
}

/** The origin the browser used, for a command to paste into a shell. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

export default async function SeriesPageView({ params }: Props) {
  const { project, msgid: raw } = await params;
  const msgid = routeMsgid(raw);
  // Started with the page's own load: one more query, not one more round trip after it.
  const [s, people] = await Promise.all([
    load(project, msgid),
    getSeriesPeopleByHead(getServerDb(), project, msgid),
  ]);
  if (!s) {
    // A patch or reply of a series: its place on the series' page.
    const member = await findSeriesOfMessage(getServerDb(), project, msgid);
    if (member) redirect(`${seriesHref(project, member.headMsgid)}#m-${encodeURIComponent(msgid)}`);
    notFound();
  }
  const files = prepareDiffs(s.patches.map((p) => p.diff));
  const fileSrc = `${seriesHref(s.project, s.headMsgid)}/file`;
  const now = new Date();
  const { untested, summary } = checksOverview(s.checks, configuredTests(s.project), s.apply);
  // Without MAINTAINERS, whom to ask comes from the thread, as on the lost page.
  const fromThread =
    people.source === "none"
      ? pingPeople([], threadPeopleOf(s, projectSettings(s.project)?.lists ?? []))
      : null;
  return (
    <div className="space-y-5">
      <SeriesHeader s={s} tests={summary} now={now} />
      <ApplyBox s={s} origin={await requestOrigin()} />
      <SeriesChecks
        contexts={s.checks.contexts}
        untested={untested}
        patches={s.patches}
        total={s.total}
        now={now}
      />
      <SeriesPeopleSection people={people} fromThread={fromThread} />
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
            headMsgid={s.headMsgid}
            files={files[i]!}
            fileSrc={fileSrc}
          />
        ))}
      </section>
      <Discussion s={s} />
    </div>
  );
}
