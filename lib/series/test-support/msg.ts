import { parseHints } from "../../mail/hints";
import { parseSubject } from "../../mail/subject";
import { parseTrailers } from "../../mail/trailers";
import type { MailKind } from "../../mail/types";
import type { Classification, PlannedSeries, SeriesMessage, SeriesPlan } from "../types";

export interface MsgInput {
  id: string;
  subject: string;
  /** `Name <email>` or a bare address; default `Alice <alice@example.com>`. */
  from?: string | null;
  /** Minutes after 2024-01-01T00:00Z, or an ISO date; null for a mail without a Date. */
  date?: number | string | null;
  inReplyTo?: string | null;
  /** References; default [inReplyTo] when only that is given. */
  refs?: string[];
  /** Default: reply for `Re:`, cover for `0/N`, patch for a [PATCH] prefix, else other. */
  kind?: MailKind;
  body?: string;
  patchId?: string | null;
  seq?: number;
}

const BASE = Date.UTC(2024, 0, 1);
let counter = 0;

/** A SeriesMessage as lib/mail would describe it, built from a few facts. */
export function msg(input: MsgInput): SeriesMessage {
  const parsedSubject = parseSubject(input.subject);
  const body = input.body ?? "";
  const from = input.from === undefined ? "Alice <alice@example.com>" : input.from;
  return {
    msgid: input.id,
    seq: input.seq ?? ++counter,
    subject: input.subject,
    parsedSubject,
    from: from === null ? null : parseFrom(from),
    date: dateOf(input.date === undefined ? 0 : input.date),
    inReplyTo: input.inReplyTo ?? null,
    references: input.refs ?? (input.inReplyTo ? [input.inReplyTo] : []),
    kind: input.kind ?? kindOf(parsedSubject),
    patchId: input.patchId ?? null,
    trailers: parseTrailers(body),
    hints: parseHints(body),
  };
}

function parseFrom(text: string) {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(text.trim());
  return m ? { name: m[1]!, email: m[2]!.toLowerCase() } : { name: "", email: text.trim().toLowerCase() };
}

function dateOf(d: number | string | null): Date | null {
  if (d === null) return null;
  return typeof d === "number" ? new Date(BASE + d * 60_000) : new Date(d);
}

function kindOf(s: ReturnType<typeof parseSubject>): MailKind {
  if (s.isReply) return "reply";
  if (s.part?.index === 0) return s.isPull ? "pull" : "cover";
  return s.hasPatchMarker ? "patch" : "other";
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed by its seed. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function seriesByHead(plan: SeriesPlan, head: string): PlannedSeries {
  const s = plan.series.find((x) => x.headMsgid === head);
  if (!s)
    throw new Error(`no series headed by ${head}; heads: ${plan.series.map((x) => x.headMsgid).join(", ")}`);
  return s;
}

export function classificationOf(plan: SeriesPlan, id: string): Classification {
  const c = plan.classifications.find((x) => x.msgid === id);
  if (!c) throw new Error(`${id} is not classified`);
  return c;
}

/** Series as `head: index=msgid ...` lines, for compact table-driven expectations. */
export function shape(plan: SeriesPlan): string[] {
  return plan.series.map((s) =>
    `${s.headMsgid}: ${s.patches.map((p) => `${p.index}=${p.msgid}`).join(" ")}`.trim(),
  );
}
