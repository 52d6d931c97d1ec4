/**
 * Scales and ticks for the charts: plain arithmetic, no DOM. Ticks fall on 1, 2 or 5 times
 * a power of ten, the steps people read without effort.
 */

export type Scale = (value: number) => number;

/** Maps [d0, d1] onto [r0, r1]; an empty domain maps everything to r0. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => r0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The 1-2-5 step that cuts `span` into about `count` pieces. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks from 0 (charts of counts and durations start at zero) to a nice value at or above
 * `max`, about `count` of them. The last tick is the top of the axis.
 */
export function zeroBasedTicks(max: number, count = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const step = niceStep(top, count);
  const ticks: number[] = [];
  // Rounding to the step's precision keeps 0.1 + 0.2 from becoming a tick label of 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let i = 0; ; i++) {
    const tick = Number((i * step).toFixed(digits));
    ticks.push(tick);
    if (tick >= top) break;
  }
  return ticks;
}

export interface Band {
  /** Left edge of band i. */
  start(index: number): number;
  /** Centre of band i. */
  centre(index: number): number;
  /** Width of one band, padding excluded. */
  width: number;
}

/** `count` equal bands across [r0, r1], `padding` (0..1) of each band left empty. */
export function bandScale(count: number, [r0, r1]: readonly [number, number], padding = 0.2): Band {
  const step = count > 0 ? (r1 - r0) / count : 0;
  const width = step * (1 - padding);
  return {
    start: (index) => r0 + index * step + (step - width) / 2,
    centre: (index) => r0 + index * step + step / 2,
    width,
  };
}

/** Indexes of the labels to print so that at most `max` are shown, evenly spaced, the last one included. */
export function labelIndexes(count: number, max: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const out: number[] = [];
  for (let i = (count - 1) % every; i < count; i += every) out.push(i);
  return out;
}
