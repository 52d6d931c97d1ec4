import { describe, expect, it } from "vitest";

import { barChartSvg } from "./bar-chart";
import { hbarChartSvg, shorten } from "./hbar-chart";
import { lineChartSvg } from "./line-chart";
import { svgEl, writeSvg } from "./node";
import { bandScale, labelIndexes, linearScale, niceStep, zeroBasedTicks } from "./scale";

describe("scales and ticks", () => {
  it("a linear scale maps the domain onto the range, inverted for a y axis", () => {
    const y = linearScale([0, 50], [200, 0]);
    expect([y(0), y(25), y(50)]).toEqual([200, 100, 0]);
    expect(linearScale([3, 3], [10, 20])(3)).toBe(10);
  });

  it.each([
    [7, 5, 2],
    [10, 5, 2],
    [1, 4, 0.5],
    [0.7, 4, 0.2],
    [123, 4, 50],
    [1000, 5, 200],
  ])("a span of %d in about %d steps has a 1-2-5 step of %d", (span, count, step) => {
    expect(niceStep(span, count)).toBeCloseTo(step, 10);
  });

  it("ticks start at zero and end at or above the maximum, without float noise", () => {
    expect(zeroBasedTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(zeroBasedTicks(0.7, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(zeroBasedTicks(100, 4)).toEqual([0, 50, 100]);
    // Nothing to show still draws an axis.
    expect(zeroBasedTicks(0, 4)).toEqual([0, 0.5, 1]);
  });

  it("bands split the range evenly, padding shared on both sides", () => {
    const band = bandScale(4, [0, 400], 0.5);
    expect(band.width).toBe(50);
    expect([band.start(0), band.centre(0), band.start(3)]).toEqual([25, 50, 325]);
  });

  it("at most `max` labels are printed, evenly spaced, the last one always", () => {
    const picked = labelIndexes(52, 12);
    expect(picked.length).toBeLessThanOrEqual(12);
    expect(picked.at(-1)).toBe(51);
    expect(labelIndexes(6, 12)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(labelIndexes(0, 12)).toEqual([]);
  });
});

const HOSTILE = `<script>alert("x")</script> & "quotes" 'too'\u0000`;

describe("escaping", () => {
  it("text and attribute values are escaped and control characters dropped", () => {
    const out = writeSvg(svgEl("g", { "aria-label": HOSTILE }, svgEl("title", {}, HOSTILE)));
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("\u0000");
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain(
      'aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;too&apos;"',
    );
  });

  it("element and attribute names must be ours", () => {
    expect(() => writeSvg(svgEl("g onload=x", {}))).toThrow(/invalid SVG element name/);
    expect(() => writeSvg(svgEl("g", { "x onload": "1" }))).toThrow(/invalid SVG attribute name/);
  });

  it("a MAINTAINERS section named <script> stays text in the bar chart, labels and tooltips", () => {
    const svg = hbarChartSvg({
      id: "areas",
      title: "Slowest sections",
      desc: `${HOSTILE}: 4 days`,
      unit: "days",
      rows: [
        { label: "<script>", value: 4, detail: "3/3 answered" },
        { label: "NETWORKING [GENERAL]", value: 2 },
      ],
    });
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain('aria-label="&lt;script&gt;: 4 days, 3/3 answered"');
  });

  it("a chart id that could break out of an attribute is refused", () => {
    expect(() =>
      lineChartSvg({ id: 'x" onload="y', title: "t", desc: "d", labels: [], series: [], unit: "" }),
    ).toThrow(/invalid chart id/);
  });

  it("long labels are cut with an ellipsis, whole characters only", () => {
    expect(shorten("a".repeat(40), 10)).toBe(`${"a".repeat(9)}…`);
    expect(shorten("😀".repeat(12), 10)).toBe(`${"😀".repeat(9)}…`);
    expect(shorten("short", 10)).toBe("short");
  });
});

describe("charts", () => {
  it("a line chart is an accessible image with its title, description and one path per unbroken run", () => {
    const svg = lineChartSvg({
      id: "reply",
      title: "Days to first reply",
      desc: "Median and p90",
      labels: ["Jan", "Feb", "Mar", "Apr"],
      unit: "days",
      series: [
        { name: "median", values: [1, 2, null, 4], colour: 0 },
        { name: "90th percentile", values: [3, 5, 6, 9], colour: 0, dashed: true },
      ],
    });
    expect(svg).toMatch(
      /^<svg [^>]*role="img"[^>]*aria-labelledby="reply-title"[^>]*aria-describedby="reply-desc"/,
    );
    expect(svg).toContain('<title id="reply-title">Days to first reply</title>');
    expect(svg).toContain('<desc id="reply-desc">Median and p90</desc>');
    // The median breaks at March: two paths; the p90 is one dashed path.
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(svg.match(/stroke-dasharray="5 4"/g)).toHaveLength(1);
    expect(svg).toContain("<title>Apr: 90th percentile 9 days</title>");
    // Colours follow the theme: CSS variables and currentColor, no fixed text colour.
    expect(svg).toContain("var(--pw-chart-0, #0ea5e9)");
    expect(svg).toContain('fill="currentColor"');
  });

  it("the value axis reaches the largest value: the top tick is 10 for a p90 of 9", () => {
    const svg = lineChartSvg({
      id: "t",
      title: "t",
      desc: "d",
      labels: ["a", "b"],
      unit: "days",
      series: [{ name: "s", values: [1, 9], colour: 1 }],
    });
    expect(svg).toContain(">10</text>");
    expect(svg).not.toContain(">12</text>");
  });

  it("a bar chart draws one bar per non-zero value, as tall as its share of the axis", () => {
    const svg = barChartSvg({
      id: "weekly",
      title: "Posted and merged",
      desc: "d",
      labels: ["w1", "w2", "w3"],
      unit: "series",
      height: 260,
      series: [
        { name: "posted", values: [4, 0, 8], colour: 0 },
        { name: "merged", values: [2, 1, 0], colour: 3 },
      ],
    });
    const bars = [
      ...svg.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"><title>([^<]+)<\/title>/g),
    ];
    expect(bars.map((b) => b[3])).toEqual(["w1: 4 posted", "w3: 8 posted", "w1: 2 merged", "w2: 1 merged"]);
    // Plot from y=34 to y=230 (196 units), axis 0..8: 8 series fill it, 4 fill half.
    expect(Number(bars[1]![2])).toBeCloseTo(196, 1);
    expect(Number(bars[0]![2])).toBeCloseTo(98, 1);
  });
});
