import { type ChartBase, chartRoot, dataColour, formatNumber, legend, valueAxis } from "./frame";
import { num, svgEl, type SvgNode, writeSvg } from "./node";
import { bandScale, labelIndexes } from "./scale";

export interface LineSeries {
  name: string;
  /** One value per label; null where there is nothing to show (the line breaks there). */
  values: readonly (number | null)[];
  colour: number;
  /** Drawn dashed, so two lines of one colour stay apart without relying on colour. */
  dashed?: boolean;
}

export interface LineChart extends ChartBase {
  labels: readonly string[];
  series: readonly LineSeries[];
  /** What the values are, shown over the value axis and in each point's tooltip ("days"). */
  unit: string;
}

/** Lines over evenly spaced categories (months, weeks), each point with its own tooltip. */
export function lineChartSvg(chart: LineChart): string {
  const width = chart.width ?? 720;
  const height = chart.height ?? 260;
  const plot = { left: 52, right: width - 12, top: 34, bottom: height - 30 };
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const { y, nodes: axis } = valueAxis(plot, max, chart.unit);
  const x = bandScale(chart.labels.length, [plot.left, plot.right], 0);
  const xLabels = labelIndexes(chart.labels.length, 12).map((i) =>
    svgEl(
      "text",
      { x: x.centre(i), y: plot.bottom + 16, "text-anchor": "middle", "aria-hidden": "true" },
      chart.labels[i]!,
    ),
  );
  const lines: SvgNode[] = chart.series.map((s) => {
    const segments: string[] = [];
    let current = "";
    s.values.forEach((value, i) => {
      if (value === null) {
        if (current) segments.push(current);
        current = "";
        return;
      }
      current += `${current ? "L" : "M"}${num(x.centre(i))} ${num(y(value))}`;
    });
    if (current) segments.push(current);
    const points = s.values.flatMap((value, i) =>
      value === null
        ? []
        : [
            svgEl(
              "circle",
              { cx: x.centre(i), cy: y(value), r: 3, style: `fill:${dataColour(s.colour)}` },
              svgEl("title", {}, `${chart.labels[i] ?? ""}: ${s.name} ${formatNumber(value)} ${chart.unit}`),
            ),
          ],
    );
    return svgEl(
      "g",
      { "aria-label": s.name },
      ...segments.map((d) =>
        svgEl("path", {
          d,
          fill: "none",
          "stroke-width": 2,
          "stroke-dasharray": s.dashed ? "5 4" : undefined,
          style: `stroke:${dataColour(s.colour)}`,
        }),
      ),
      ...points,
    );
  });
  const key = legend(
    chart.series.map((s) => ({ name: s.name, colour: s.colour, dashed: s.dashed, shape: "line" as const })),
    plot.right,
    12,
  );
  return writeSvg(chartRoot(chart, width, height, ...axis, ...xLabels, ...lines, key));
}
