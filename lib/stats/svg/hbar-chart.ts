import { type ChartBase, chartRoot, dataColour, formatNumber } from "./frame";
import { svgEl, type SvgNode, writeSvg } from "./node";
import { linearScale, zeroBasedTicks } from "./scale";

export interface HBarRow {
  label: string;
  value: number;
  /** Said after the value in the tooltip and at the bar's end ("12 series"). */
  detail?: string;
}

export interface HBarChart extends ChartBase {
  rows: readonly HBarRow[];
  unit: string;
  colour?: number;
}

const ROW_HEIGHT = 22;
const LABEL_CHARS = 34;

/** One horizontal bar per row, longest first as given, labels on the left (names can be long). */
export function hbarChartSvg(chart: HBarChart): string {
  const width = chart.width ?? 720;
  const plot = { left: 230, right: width - 90, top: 26, bottom: 26 + ROW_HEIGHT * chart.rows.length };
  const height = plot.bottom + 24;
  const ticks = zeroBasedTicks(Math.max(0, ...chart.rows.map((r) => r.value)), 4);
  const x = linearScale([0, ticks.at(-1)!], [plot.left, plot.right]);
  const axis: SvgNode[] = ticks.map((tick) =>
    svgEl(
      "g",
      { "aria-hidden": "true" },
      svgEl("line", {
        x1: x(tick),
        x2: x(tick),
        y1: plot.top - 4,
        y2: plot.bottom,
        stroke: "currentColor",
        "stroke-opacity": tick === 0 ? 0.6 : 0.15,
      }),
      svgEl("text", { x: x(tick), y: plot.bottom + 14, "text-anchor": "middle" }, formatNumber(tick)),
    ),
  );
  axis.push(
    svgEl(
      "text",
      { x: plot.right, y: plot.top - 10, "text-anchor": "end", "aria-hidden": "true", opacity: 0.8 },
      chart.unit,
    ),
  );
  const rows = chart.rows.map((row, i) => {
    const top = plot.top + i * ROW_HEIGHT;
    const said = `${row.label}: ${formatNumber(row.value)} ${chart.unit}${row.detail ? `, ${row.detail}` : ""}`;
    return svgEl(
      "g",
      { "aria-label": said },
      svgEl("title", {}, said),
      svgEl("text", { x: plot.left - 8, y: top + 15, "text-anchor": "end" }, shorten(row.label)),
      svgEl("rect", {
        x: plot.left,
        y: top + 4,
        width: Math.max(1, x(row.value) - plot.left),
        height: ROW_HEIGHT - 8,
        style: `fill:${dataColour(chart.colour ?? 0)}`,
      }),
      svgEl(
        "text",
        { x: x(row.value) + 6, y: top + 15, opacity: 0.85 },
        `${formatNumber(row.value)}${row.detail ? ` · ${row.detail}` : ""}`,
      ),
    );
  });
  return writeSvg(chartRoot({ ...chart }, width, height, ...axis, ...rows));
}

/** A long label is cut with an ellipsis; the tooltip keeps it whole. */
export function shorten(label: string, max = LABEL_CHARS): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("")}…`;
}
