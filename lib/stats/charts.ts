import { barChartSvg } from "./svg/bar-chart";
import { formatNumber } from "./svg/frame";
import { hbarChartSvg } from "./svg/hbar-chart";
import { lineChartSvg } from "./svg/line-chart";
import { countsByWeek, lostByWeek, mergeByMonth, monthLabel, responseByMonth, weekLabel } from "./shape";
import type { ProjectStats } from "./types";

/** The SVG of each chart of the stats page (null where there is nothing to draw), with a text summary for <desc>. */
export interface Chart {
  title: string;
  svg: string;
}

export interface StatsCharts {
  firstReply: Chart;
  firstReview: Chart;
  merge: Chart | null;
  weekly: Chart;
  lost: Chart;
  areas: Chart | null;
}

function chart<T extends { title: string }>(spec: T, draw: (spec: T) => string): Chart {
  return { title: spec.title, svg: draw(spec) };
}

const days = (value: number | null) => (value === null ? "no data" : `${formatNumber(round1(value))} days`);
const round1 = (value: number) => Math.round(value * 10) / 10;
const rounded = (values: (number | null)[]) => values.map((v) => (v === null ? null : round1(v)));

export function statsCharts(stats: ProjectStats): StatsCharts {
  const response = responseByMonth(stats);
  const months = response.map((r) => monthLabel(r.month));
  const lastOf = <T>(rows: T[]) => rows.at(-1);
  const lastResponse = lastOf(response);
  const firstReply = chart(
    {
      id: "chart-first-reply",
      title: "Days to the first reply from someone other than the author, by month of posting",
      desc:
        `Median and 90th percentile, ${months[0]} to ${months.at(-1)}. ` +
        `${lastResponse?.answered ?? 0} of ${lastResponse?.posted ?? 0} series posted in ${months.at(-1)} got a reply; ` +
        `median ${days(lastResponse?.replyMedianDays ?? null)}.`,
      labels: months,
      unit: "days",
      series: [
        { name: "median", values: rounded(response.map((r) => r.replyMedianDays)), colour: 0 },
        {
          name: "90th percentile",
          values: rounded(response.map((r) => r.replyP90Days)),
          colour: 0,
          dashed: true,
        },
      ],
    },
    lineChartSvg,
  );
  const firstReview = chart(
    {
      id: "chart-first-review",
      title: "Days to the first Reviewed-by or Acked-by, by month of posting",
      desc:
        `Median and 90th percentile, ${months[0]} to ${months.at(-1)}. ` +
        `${lastResponse?.reviewed ?? 0} of ${lastResponse?.posted ?? 0} series posted in ${months.at(-1)} got one; ` +
        `median ${days(lastResponse?.reviewMedianDays ?? null)}.`,
      labels: months,
      unit: "days",
      series: [
        { name: "median", values: rounded(response.map((r) => r.reviewMedianDays)), colour: 1 },
        {
          name: "90th percentile",
          values: rounded(response.map((r) => r.reviewP90Days)),
          colour: 1,
          dashed: true,
        },
      ],
    },
    lineChartSvg,
  );
  const merged = mergeByMonth(stats);
  const merge =
    stats.merge.mergedEver === 0
      ? null
      : chart(
          {
            id: "chart-merge",
            title: "Days from posting to merge, by month of merge",
            desc: `Median and 90th percentile; ${merged.reduce((n, m) => n + m.merged, 0)} series merged in these months.`,
            labels: merged.map((m) => monthLabel(m.month)),
            unit: "days",
            series: [
              { name: "median", values: rounded(merged.map((m) => m.medianDays)), colour: 3 },
              {
                name: "90th percentile",
                values: rounded(merged.map((m) => m.p90Days)),
                colour: 3,
                dashed: true,
              },
            ],
          },
          lineChartSvg,
        );
  const weeks = countsByWeek(stats);
  const weekly = chart(
    {
      id: "chart-weekly",
      title: "Series posted and merged per week",
      desc:
        `${weeks.reduce((n, w) => n + w.posted, 0)} series posted and ${weeks.reduce((n, w) => n + w.merged, 0)} merged ` +
        `in the ${weeks.length} weeks from ${weekLabel(weeks[0]!.week)}.`,
      labels: weeks.map((w) => weekLabel(w.week)),
      unit: "series",
      series: [
        { name: "posted", values: weeks.map((w) => w.posted), colour: 0 },
        { name: "merged", values: weeks.map((w) => w.merged), colour: 3 },
      ],
    },
    barChartSvg,
  );
  const lostWeeks = lostByWeek(stats);
  const lost = chart(
    {
      id: "chart-lost",
      title: `Lost series at the end of each week (no reply from anyone but the author within ${stats.lostAfterDays} days)`,
      desc: `From ${lostWeeks[0]?.lost ?? 0} at the end of the week of ${weekLabel(lostWeeks[0]!.week)} to ${lostWeeks.at(-1)?.lost ?? 0} at the end of the week of ${weekLabel(lostWeeks.at(-1)!.week)}.`,
      labels: lostWeeks.map((w) => weekLabel(w.week)),
      unit: "series",
      series: [{ name: "lost", values: lostWeeks.map((w) => w.lost), colour: 2 }],
    },
    lineChartSvg,
  );
  const areaRows = stats.areas.rows.filter((r) => r.medianDays !== null);
  const areas =
    areaRows.length === 0
      ? null
      : chart(
          {
            id: "chart-areas",
            title:
              stats.areas.source === "maintainers"
                ? "Slowest MAINTAINERS sections: median days to the first reply"
                : "Slowest top-level directories: median days to the first reply",
            desc: areaRows
              .slice(0, 5)
              .map((r) => `${r.area}: ${days(r.medianDays)}`)
              .join("; "),
            unit: "days (median)",
            colour: 1,
            rows: areaRows.map((r) => ({
              label: r.area,
              value: round1(r.medianDays!),
              detail: `${r.answered}/${r.series} answered`,
            })),
          },
          hbarChartSvg,
        );
  return { firstReply, firstReview, merge, weekly, lost, areas };
}
