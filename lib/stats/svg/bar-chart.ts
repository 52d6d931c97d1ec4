import { type ChartBase, chartRoot, dataColour, formatNumber, legend, valueAxis } from "./frame";
import { svgEl, type SvgNode, writeSvg } from "./node";
import { bandScale, labelIndexes } from "./scale";

export interface BarSeries {
  name: string;
  values: readonly number[];
  colour: number;
}

export interface BarChart extends ChartBase {
  labels: readonly string[];
  /** Drawn side by side within each label's band. */
  series: readonly BarSeries[];
  unit: string;
}

/** Grouped vertical bars, one group per label (a week), each bar with its own tooltip. */
export function barChartSvg(chart: BarChart): string {
  const width = chart.width ?? 720;
  const height = chart.height ?? 260;
  const plot = { left: 52, right: width - 12, top: 34, bottom: height - 30 };
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const { y, nodes: axis } = valueAxis(plot, max, chart.unit);
  const band = bandScale(chart.labels.length, [plot.left, plot.right], 0.2);
  const inner = bandScale(chart.series.length, [0, band.width], 0);
  const xLabels = labelIndexes(chart.labels.length, 12).map((i) =>
    svgEl(
      "text",
      { x: band.centre(i), y: plot.bottom + 16, "text-anchor": "middle", "aria-hidden": "true" },
      chart.labels[i]!,
    ),
  );
  const groups: SvgNode[] = chart.series.map((s, si) =>
    svgEl(
      "g",
      { "aria-label": s.name, style: `fill:${dataColour(s.colour)}` },
      ...s.values.flatMap((value, i) =>
        value > 0
          ? [
              svgEl(
                "rect",
                {
                  x: band.start(i) + inner.start(si),
                  y: y(value),
                  width: Math.max(1, inner.width),
                  height: Math.max(0, plot.bottom - y(value)),
                },
                svgEl("title", {}, `${chart.labels[i] ?? ""}: ${formatNumber(value)} ${s.name}`),
              ),
            ]
          : [],
      ),
    ),
  );
  const key = legend(
    chart.series.map((s) => ({ name: s.name, colour: s.colour, shape: "square" as const })),
    plot.right,
    12,
  );
  return writeSvg(chartRoot(chart, width, height, ...axis, ...xLabels, ...groups, key));
}
