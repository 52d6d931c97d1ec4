import type { SeriesMessage } from "./types";

/** A message that can take a place in a series: a cover letter (slot 0) or a patch. */
export interface Member {
  msg: SeriesMessage;
  role: "cover" | "patch";
  /** 0 for a cover letter, 1..total for a patch (an unnumbered patch is 1 of 1). */
  index: number;
  /** N of `i/N`; 0 when a cover letter or pull request does not say. */
  total: number;
  version: number;
  /** Lower-cased sender address ("" when the mail had no usable From). */
  email: string;
}

export type MemberOrNot =
  { ok: true; member: Member } | { ok: false; reason: string; kind: "not-a-patch" | "out-of-range" };

/**
 * What the subject and lib/mail's `kind` make of a message. A `[PULL 00/28]` or an
 * unnumbered `[GIT PULL]` heads a series like a cover letter (patchew 0031 expects pull
 * covers with no patches present to be series); a `0/N` that carries a diff is still
 * the cover slot, because `git format-patch` never numbers a patch 0.
 */
export function classifyMember(m: SeriesMessage): MemberOrNot {
  const part = m.parsedSubject.part ?? writtenPart(m.parsedSubject.prefixes);
  const kind = m.kind;
  if (kind !== "patch" && kind !== "pull" && kind !== "cover") {
    return { ok: false, kind: "not-a-patch", reason: notPatchReason(m) };
  }
  if (kind === "cover" || part === null || part.index === 0) {
    // An unnumbered `kind: patch` is a patch of one; everything else here heads a series.
    if (kind === "patch" && part === null) return { ok: true, member: member(m, "patch", 1, 1) };
    return { ok: true, member: member(m, "cover", 0, part?.total ?? 0) };
  }
  if (part.index > part.total) {
    return {
      ok: false,
      kind: "out-of-range",
      reason: `index ${part.index} is larger than the series size ${part.total}; not counted as a patch`,
    };
  }
  return { ok: true, member: member(m, "patch", part.index, part.total) };
}

function member(msg: SeriesMessage, role: Member["role"], index: number, total: number): Member {
  return { msg, role, index, total, version: msg.parsedSubject.version, email: senderEmail(msg) };
}

/**
 * lib/mail reports no part for `[PATCH 7/5]` (it cannot be a valid part); the prefix is
 * still there, and such a patch must be set aside with a reason, not taken for an
 * unnumbered one.
 */
function writtenPart(prefixes: readonly string[]): { index: number; total: number } | null {
  for (const p of prefixes) {
    const m = /^(\d{1,6})\/(\d{1,6})$/.exec(p);
    if (m) return { index: Number(m[1]), total: Number(m[2]) };
  }
  return null;
}

export function senderEmail(m: SeriesMessage): string {
  return m.from?.email.toLowerCase() ?? "";
}

function notPatchReason(m: SeriesMessage): string {
  const marker = m.parsedSubject.hasPatchMarker;
  if (m.kind === "reply") return "a reply, not a patch";
  return marker ? "not a patch: a [PATCH] prefix but no diff" : "not a patch: no diff and no [PATCH] prefix";
}

/** `v5.1` rerolls one patch of v5; see group-patches.ts. */
export function isPartialReroll(member: Member): boolean {
  return member.role === "patch" && !Number.isInteger(member.version);
}

/** `3/5 v2 by x@y`, for reasons shown to people. */
export function describeMember(m: Member): string {
  const part = m.role === "cover" ? `0/${m.total || "?"}` : `${m.index}/${m.total}`;
  return `${part} v${m.version} from ${m.email || "an unknown sender"}`;
}
