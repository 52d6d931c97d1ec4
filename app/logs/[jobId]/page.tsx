import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { Badge, type BadgeTone } from "@/app/_components/badge";
import { getServerDb } from "@/lib/db/server-db";
import { projectHref, seriesHref } from "@/lib/routes";
import { exactTime } from "@/lib/ui/relative-time";
import { loadLogPage } from "@/lib/views/log-page";

import "./log.css";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ jobId: string }>;
}

/** Metadata and page ask for the same job; one load serves both. */
const load = cache((jobId: string) => loadLogPage(getServerDb(), jobId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).jobId);
  return view ? { title: `Log: ${view.job.testName} (${view.job.project})` } : {};
}

const stateTone: Record<string, BadgeTone> = {
  passed: "green",
  failed: "red",
  error: "orange",
  running: "blue",
  queued: "outline",
};

const muted = "text-zinc-600 dark:text-zinc-400";
const link = "text-sky-700 hover:underline dark:text-sky-400";

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <>
      <dt className={muted}>{name}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/**
 * A tester's log: what ran where, and the output with its colours, every line numbered
 * and linkable (#L123). Lines are a few large escaped HTML strings (lib/ui/log-html.ts),
 * so a log of megabytes renders in one go.
 */
export default async function LogPage({ params }: Props) {
  const view = await load((await params).jobId);
  if (!view) notFound();
  const { job, blocks, duration, rawHref: raw } = view;
  return (
    <article className="space-y-4">
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className={`text-sm ${muted}`}>
          <Link href={projectHref(job.project)} className="hover:underline">
            {job.project}
          </Link>{" "}
          › test log
        </nav>
        <h1 className="flex flex-wrap items-baseline gap-2 text-xl font-semibold break-words">
          <span>
            {job.testName}
            {job.series ? ` on ${job.series.title} v${job.series.version}` : " on the branch head"}
          </span>
          <Badge
            tone={stateTone[job.state] ?? "amber"}
            label={job.state}
            explanation={`Job state: ${job.state}`}
          />
        </h1>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
          <Fact name="series">
            {job.series ? (
              <Link href={seriesHref(job.project, job.series.headMsgid)} className={link}>
                {job.series.title} (v{job.series.version})
              </Link>
            ) : (
              "none: a run on the branch head"
            )}
          </Fact>
          <Fact name="test">{job.testName}</Fact>
          <Fact name="tester">{job.tester ?? "none yet"}</Fact>
          <Fact name="commit">
            <code className="font-mono text-xs break-all">{job.commit}</code>{" "}
            <span className={muted}>
              (<code className="font-mono text-xs break-all">{job.ref}</code>)
            </span>
          </Fact>
          {duration ? <Fact name="duration">{duration}</Fact> : null}
          {job.finishedAt ? (
            <Fact name="finished">
              <time dateTime={job.finishedAt.toISOString()}>{exactTime(job.finishedAt)}</time>
            </Fact>
          ) : job.startedAt ? (
            <Fact name="started">
              <time dateTime={job.startedAt.toISOString()}>{exactTime(job.startedAt)}</time>
            </Fact>
          ) : null}
          {job.attempts > 1 ? <Fact name="attempts">{job.attempts}</Fact> : null}
          {job.summary ? <Fact name="summary">{job.summary}</Fact> : null}
        </dl>
        {job.log ? (
          <p className="flex flex-wrap gap-x-3 text-sm">
            <a href={raw} className={link}>
              Raw log
            </a>
            <a href={raw} download={`${job.project}-${job.testName}-${job.id}.log`} className={link}>
              Download
            </a>
            <span className={muted}>{job.log.bytes.toString()} bytes received</span>
          </p>
        ) : null}
        {job.log?.truncated ? (
          <p
            role="note"
            className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
          >
            This log was capped: the tester sent {job.log.bytes.toString()} bytes, and only the beginning and
            the end are kept. The line that says how much was cut marks the gap.
          </p>
        ) : null}
      </header>
      {blocks.length === 0 ? (
        <p className={muted}>{job.log ? "The log is empty." : "No output has been received yet."}</p>
      ) : (
        <div className="log-frame" aria-label="Log">
          {blocks.map((b) => (
            <div
              key={b.first}
              className="log-block"
              style={{ containIntrinsicSize: `auto ${b.lines * 20}px` }}
              // Escaped by lib/ui/ansi-html.ts: see lib/ui/log-html.ts for why lines are a string.
              dangerouslySetInnerHTML={{ __html: b.html }}
            />
          ))}
        </div>
      )}
    </article>
  );
}
