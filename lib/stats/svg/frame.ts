import { linearScale, type Scale, zeroBasedTicks } from "./scale";
import { num, svgEl, type SvgElement, type SvgNode } from "./node";

/**
 * What every chart shares: the accessible root (role="img", <title> and <desc> named by
 * aria-labelledby/aria-describedby), the value axis with its grid, and the legend. Text and
 * lines use currentColor, so the chart follows the page's light or dark text colour; the
 * data colours are CSS variables (--pw-chart-0…3) with mid-tone defaults readable on both.
 */

export const PALETTE = ["#0ea5e9", "#f59e0b", "#f43f5e", "#10b981"] as const;

export function dataColour(index: number): string {
  const i = ((index % PALETTE.length) + PALETTE.length) % PALETTE.length;
  return `var(--pw-chart-${i}, ${PALETTE[i]})`;
}

export interface ChartBase {
  /** Unique on the page; prefixes the ids <title> and <desc> get. Letters, digits and dashes. */
  id: string;
  title: string;
  desc: string;
  width?: number;
  height?: number;
}

export interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const SAFE_ID = /^[A-Za-z][A-Za-z0-9-]*$/;

export function chartRoot(
  base: ChartBase,
  width: number,
  height: number,
  ...children: SvgNode[]
): SvgElement {
  if (!SAFE_ID.test(base.id)) throw new Error(`invalid chart id: ${base.id}`);
  return svgEl(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${width} ${height}`,
      width: "100%",
      role: "img",
      "aria-labelledby": `${base.id}-title`,
      "aria-describedby": `${base.id}-desc`,
      "font-family": "ui-sans-serif, system-ui, sans-serif",
      "font-size": 11,
      fill: "currentColor",
      class: "pw-chart",
    },
    svgEl("title", { id: `${base.id}-title` }, base.title),
    svgEl("desc", { id: `${base.id}-desc` }, base.desc),
    ...children,
  );
}

/** The y axis from 0 to a nice maximum: grid lines and tick labels. Returns the scale. */
export function valueAxis(plot: Plot, max: number, unit: string): { y: Scale; nodes: SvgNode[] } {
  const ticks = zeroBasedTicks(max, 4);
  const y = linearScale([0, ticks.at(-1)!], [plot.bottom, plot.top]);
  const nodes: SvgNode[] = ticks.map((tick) =>
    svgEl(
      "g",
      { "aria-hidden": "true" },
      svgEl("line", {
        x1: plot.left,
        x2: plot.right,
        y1: y(tick),
        y2: y(tick),
        stroke: "currentColor",
        "stroke-opacity": tick === 0 ? 0.6 : 0.15,
      }),
      svgEl("text", { x: plot.left - 6, y: y(tick) + 4, "text-anchor": "end" }, formatNumber(tick)),
    ),
  );
  nodes.push(
    svgEl(
      "text",
      { x: plot.left - 6, y: plot.top - 10, "text-anchor": "end", "aria-hidden": "true", opacity: 0.8 },
      unit,
    ),
  );
  return { y, nodes };
}

export interface LegendEntry {
  name: string;
  colour: number;
  dashed?: boolean;
  /** A bar chart's key is a square, a line chart's a short line. */
  shape: "square" | "line";
}

/** The key, right-aligned above the plot. Hidden from screen readers: <desc> says the same. */
export function legend(entries: readonly LegendEntry[], right: number, y: number): SvgNode {
  const items: SvgNode[] = [];
  let x = right;
  for (const entry of [...entries].reverse()) {
    const textWidth = entry.name.length * 6;
    x -= textWidth;
    items.push(svgEl("text", { x, y: y + 4 }, entry.name));
    x -= 20;
    items.push(
      entry.shape === "square"
        ? svgEl("rect", {
            x: x + 4,
            y: y - 4,
            width: 10,
            height: 10,
            style: `fill:${dataColour(entry.colour)}`,
          })
        : svgEl("line", {
            x1: x,
            x2: x + 16,
            y1: y,
            y2: y,
            "stroke-width": 2,
            "stroke-dasharray": entry.dashed ? "4 3" : undefined,
            style: `stroke:${dataColour(entry.colour)}`,
          }),
    );
    x -= 12;
  }
  return svgEl("g", { "aria-hidden": "true" }, ...items);
}

/** Counts as integers, durations with one decimal below ten. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 10 ? value.toFixed(1) : String(Math.round(value));
}

export { num };
