import { Badge, type BadgeTone } from "@/app/_components/badge";
import { RelativeDate } from "@/app/_components/relative-date";
import type { CheckContext, CheckReport } from "@/lib/db/series/get-series-checks";
import type { UntestedTest } from "@/lib/checks/checks-overview";
import { logHref } from "@/lib/routes";
import { formatDuration, linkableUrl } from "@/lib/ui/check-view";

const look: Record<CheckReport["state"], { tone: BadgeTone; label: string; meaning: string }> = {
  success: { tone: "green", label: "success", meaning: "Passed" },
  fail: { tone: "red", label: "fail", meaning: "Failed" },
  warning: { tone: "amber", label: "warning", meaning: "Passed with a warning, or ended without a verdict" },
  pending: { tone: "outline", label: "pending", meaning: "Still running or waiting" },
  error: { tone: "orange", label: "error", meaning: "Could not run: no verdict on the series" },
};

function StateBadge({ report }: { report: CheckReport }) {
  if (report.failsOnMasterToo) {
    return (
      <Badge
        tone="zinc"
        label="fails on master too"
        explanation="Failed, and the same test fails on the commit the series was applied on: not the series' doing"
      />
    );
  }
  const { tone, label, meaning } = look[report.state];
  return <Badge tone={tone} label={label} explanation={meaning} />;
}

const muted = "text-zinc-600 dark:text-zinc-400";
const link = "text-sky-700 hover:underline dark:text-sky-400";

/** Where the report's details are: the tester's log here, or the URL a CI gave (http and https only). */
function ReportLinks({ report }: { report: CheckReport }) {
  const url = linkableUrl(report.url);
  return (
    <>
      {report.jobId !== null ? (
        <a href={logHref(report.jobId)} className={link}>
          log
        </a>
      ) : null}
      {url ? (
        <a href={url} className={link} rel="nofollow noopener noreferrer">
          details
        </a>
      ) : null}
    </>
  );
}

function ReportFacts({ report, now }: { report: CheckReport; now: Date }) {
  const duration = formatDuration(report.durationMs);
  return (
    <>
      {report.description ? <span className="break-words">{report.description}</span> : null}
      {duration ? <span className={muted}>{duration}</span> : null}
      {report.source ? <span className={`${muted} break-all`}>{report.source}</span> : null}
      <span className={muted}>
        <RelativeDate date={report.createdAt} now={now} />
      </span>
      <ReportLinks report={report} />
    </>
  );
}

function ContextRow({ c, now }: { c: CheckContext; now: Date }) {
  const earlier = c.older.length + c.olderNotShown;
  return (
    <li className="py-1" data-context={c.context}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
        <StateBadge report={c.latest} />
        <span className="font-medium break-all">{c.context}</span>
        <ReportFacts report={c.latest} now={now} />
      </div>
      {c.latest.failsOnMasterToo ? (
        <p className={`text-xs ${muted}`}>
          Fails on master too: the branch head fails this test as well, so the failure is not the series&apos;
          doing.
        </p>
      ) : null}
      {earlier > 0 ? (
        <details className="text-xs">
          <summary className={`cursor-pointer ${muted}`}>
            {earlier} earlier {earlier === 1 ? "report" : "reports"}
          </summary>
          <ul className="mt-1 space-y-0.5 border-l border-zinc-200 pl-2 dark:border-zinc-800">
            {c.older.map((r) => (
              <li key={String(r.id)} className="flex flex-wrap items-baseline gap-x-2">
                <StateBadge report={r} />
                <ReportFacts report={r} now={now} />
              </li>
            ))}
            {c.olderNotShown > 0 ? <li className={muted}>… and {c.olderNotShown} older</li> : null}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

const untestedTone: Record<UntestedTest["status"], BadgeTone> = {
  "not-applied": "outline",
  "apply-failed": "outline",
  "not-tested": "outline",
  queued: "outline",
  running: "blue",
  finished: "amber",
};

function UntestedRow({ t }: { t: UntestedTest }) {
  const short = t.status === "running" ? "running" : t.status === "queued" ? "queued" : "not tested";
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 py-1" data-context={t.name}>
      <Badge
        tone={untestedTone[t.status]}
        label={short}
        explanation={`The project runs this test; no result for this series yet: ${t.label}`}
      />
      <span className="font-medium break-all">{t.name}</span>
      <span className={muted}>{t.label}</span>
      {t.jobId !== null ? (
        <a href={logHref(t.jobId)} className={link}>
          log
        </a>
      ) : null}
    </li>
  );
}

/**
 * Every test and check of the series: the latest state of each context, for the series
 * and for each patch, with earlier reports folded away; configured tests that have not
 * reported are listed as such, so a silent CI does not look like a green one.
 */
export function SeriesChecks({
  contexts,
  untested,
  patches,
  total,
  now,
}: {
  contexts: CheckContext[];
  untested: UntestedTest[];
  patches: { index: number; title: string }[];
  total: number;
  now: Date;
}) {
  if (contexts.length === 0 && untested.length === 0) return null;
  const seriesWide = contexts.filter((c) => c.patch === null);
  const byPatch = new Map<number, CheckContext[]>();
  for (const c of contexts)
    if (c.patch) byPatch.set(c.patch.index, [...(byPatch.get(c.patch.index) ?? []), c]);
  return (
    <section
      id="checks"
      aria-labelledby="checks-heading"
      className="space-y-2 rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800"
    >
      <h2 id="checks-heading" className="font-semibold">
        Tests and checks
      </h2>
      {seriesWide.length + untested.length > 0 ? (
        <ul
          aria-label="Tests and checks of the series"
          className="divide-y divide-zinc-100 dark:divide-zinc-900"
        >
          {seriesWide.map((c) => (
            <ContextRow key={c.context} c={c} now={now} />
          ))}
          {untested.map((t) => (
            <UntestedRow key={t.name} t={t} />
          ))}
        </ul>
      ) : null}
      {[...byPatch].map(([index, list]) => {
        const title = patches.find((p) => p.index === index)?.title ?? "";
        return (
          <div key={index}>
            <h3 className="font-medium">
              <a href={`#patch-${index}`} className={link}>
                Patch {index}/{total}
              </a>{" "}
              <span className="break-words">{title}</span>
            </h3>
            <ul
              aria-label={`Tests and checks of patch ${index}`}
              className="divide-y divide-zinc-100 dark:divide-zinc-900"
            >
              {list.map((c) => (
                <ContextRow key={c.context} c={c} now={now} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
