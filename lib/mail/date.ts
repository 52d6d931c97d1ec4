/*
 * The Date header (RFC 5322 §3.3, with the obsolete forms of §4.3: two-digit years, named
 * zones, comments). A date we cannot read is null, never "now": the parser is pure and a
 * wrong date would reorder series.
 */

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** RFC 5322 §4.3 obsolete zone names, in minutes east of UTC; other letters count as -0000. */
const ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

const RFC5322 =
  /^(?:[a-z]{3,9}\s*,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?\s*([+-]\d{4}|[a-z]{1,5})?/i;

function zoneOffset(zone: string | undefined): number {
  if (zone === undefined) return 0;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith("-") ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

/** Years as §4.3 reads them: 00–49 are 2000s, 50–99 are 1900s, three digits add 1900. */
function fullYear(year: string): number {
  const n = Number(year);
  if (year.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (year.length === 3) return 1900 + n;
  return n;
}

/** Dates outside this window are damaged rather than real (email predates 1970; 9999 is JS Date's comfortable range). */
function plausible(date: Date): Date | null {
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1970 || year > 9999 ? null : date;
}

/** The instant a Date header names, or null when it cannot be read. */
export function parseMailDate(value: string | null): Date | null {
  if (value === null) return null;
  const text = value.replace(/\([^()]*\)/g, " ").trim();
  if (text.length === 0 || text.length > 200) return null;
  const match = RFC5322.exec(text);
  if (match) {
    const month = MONTHS[match[2]!.toLowerCase()];
    if (month === undefined) return null;
    const [day, hour, minute, second] = [match[1], match[4], match[5], match[6] ?? "0"].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
    const utc = Date.UTC(fullYear(match[3]!), month, day, hour, minute, Math.min(second, 59));
    return plausible(new Date(utc - zoneOffset(match[7]) * 60_000));
  }
  // ISO 8601 and asctime (`Mon Feb 12 8:54:21 2018`) written by some tools.
  if (
    /^\d{4}-\d{2}-\d{2}T/.test(text) ||
    /^[a-z]{3} [a-z]{3} +\d{1,2} \d{1,2}:\d{2}:\d{2} \d{4}$/i.test(text)
  ) {
    const asUtc = /T/.test(text) ? text : `${text} UTC`;
    return plausible(new Date(asUtc));
  }
  return null;
}
