import type { Slot, SeriesDraft } from "./draft";
import type { PatchGroup } from "./group-patches";
import type { Member } from "./members";
import { compareArrival } from "./order";
import { sameSendBatch } from "./send-batch";
import type { Classification, SeriesMessage } from "./types";

/**
 * Turns one group into a series: picks the cover letter and one patch per number, and
 * classifies every member. Two messages claiming one number keep the first sent
 * (Date, then storage order); a partial reroll (`v5.1`) beats the patch it rerolls, the
 * highest reroll version winning.
 */
export function buildSeries(group: PatchGroup): { draft: SeriesDraft; classifications: Classification[] } {
  const covers = group.members.filter((m) => m.role === "cover").sort((a, b) => compareArrival(a.msg, b.msg));
  const cover = covers[0] ?? null;
  const byIndex = new Map<number, { base: Member[]; rerolls: Member[] }>();
  const at = (i: number) => {
    let entry = byIndex.get(i);
    if (!entry) byIndex.set(i, (entry = { base: [], rerolls: [] }));
    return entry;
  };
  for (const m of group.members) if (m.role === "patch") at(m.index).base.push(m);
  for (const m of group.rerolls) at(m.index).rerolls.push(m);

  const slots: Slot[] = [];
  const losers: { member: Member; of: Member; why: string }[] = [];
  for (const [index, { base, rerolls }] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    base.sort((a, b) => compareArrival(a.msg, b.msg));
    rerolls.sort((a, b) => b.version - a.version || compareArrival(a.msg, b.msg));
    const original = base[0] ?? null;
    const reroll = rerolls[0] ?? null;
    const holder = (reroll ?? original)!;
    slots.push({ index, patch: holder, replaces: reroll ? original : null });
    for (const d of base.slice(1)) losers.push({ member: d, of: original!, why: "duplicate" });
    for (const d of rerolls.slice(1)) losers.push({ member: d, of: reroll!, why: "older-reroll" });
    if (reroll && original) losers.push({ member: original, of: reroll, why: "rerolled" });
  }
  for (const c of covers.slice(1)) losers.push({ member: c, of: cover!, why: "duplicate" });

  const firstBase = slots.map((s) => s.replaces ?? s.patch).find((m) => !group.rerolls.includes(m));
  const head = (cover ?? firstBase ?? slots[0]!.patch).msg;
  const draft = newDraft(group, cover, slots, head, seriesVersion(group, head));
  const classifications = classifyMembers(draft, losers);
  return { draft, classifications };
}

/**
 * The version of the series: the head's, unless other members sent in the same git
 * send-email/b4 run as the head say more. On the LTP list a `[PATCH v2 0/2]` cover went
 * out with `[PATCH v3 i/2]` patches, and a `[PATCH v1 0/2]` cover whose text says
 * "Changes in v2" with `[PATCH v2 i/2]` patches: the author bumped one and forgot the
 * other, so the higher version is the one meant. Partial rerolls are sent in another
 * run and never count here.
 */
function seriesVersion(group: PatchGroup, head: SeriesMessage): number {
  let version = head.parsedSubject.version;
  for (const m of group.members) {
    if (m.version > version && sameSendBatch(m.msg.msgid, head.msgid)) version = m.version;
  }
  return version;
}

function newDraft(
  group: PatchGroup,
  cover: Member | null,
  slots: Slot[],
  head: SeriesDraft["head"],
  version: number,
): SeriesDraft {
  // reduce, not Math.max(...): a hostile series may hold more patches than a call has arguments.
  const largest = slots.reduce((n, s) => Math.max(n, s.patch.total), 0);
  const total = cover ? cover.total || largest : (slots[0]?.patch.total ?? 1);
  const isPull = head.parsedSubject.isPull || head.kind === "pull";
  const complete = total > 0 ? slots.length === total : isPull;
  return {
    head,
    cover,
    slots,
    memberIds: [...group.members, ...group.rerolls].map((m) => m.msg.msgid),
    replies: [],
    planned: {
      headMsgid: head.msgid,
      coverMsgid: cover?.msg.msgid ?? null,
      subject: head.subject,
      title: head.parsedSubject.title,
      author: head.from,
      version,
      total,
      patches: [],
      complete,
      isRfc: head.parsedSubject.isRfc,
      isPull,
      date: head.date,
      replyMsgids: [],
      lastActivity: null,
      basedOn: [],
      baseCommit: null,
      changeId: null,
      topicKey: "",
      obsoletedBy: null,
      revisions: [],
      reviewed: false,
    },
  };
}

function classifyMembers(
  draft: SeriesDraft,
  losers: { member: Member; of: Member; why: string }[],
): Classification[] {
  const head = draft.head.msgid;
  const n = draft.planned.total;
  const out: Classification[] = [];
  const version = draft.planned.version;
  if (draft.cover) {
    const present = `${draft.slots.length} of ${n || "?"} patches present`;
    const raised =
      draft.cover.version === version
        ? ""
        : `; its subject says v${draft.cover.version}, the patches sent in the same run v${version}, so the series is v${version}`;
    out.push({
      msgid: draft.cover.msg.msgid,
      role: "cover",
      series: head,
      reason: `cover letter of series ${head} (${present}${raised})`,
    });
  }
  for (const s of draft.slots) {
    const reroll = s.replaces
      ? `, partial reroll v${s.patch.version} replacing ${s.replaces.msg.msgid}`
      : s.patch.version === version
        ? ""
        : sameSendBatch(s.patch.msg.msgid, draft.head.msgid)
          ? `, sent as v${s.patch.version} in the same run as the v${version} series`
          : `, partial reroll v${s.patch.version} (the patch it rerolls is not in the archive)`;
    const reason = `patch ${s.index}/${n} of series ${head}${reroll}`;
    out.push({ msgid: s.patch.msg.msgid, role: "patch", series: head, index: s.index, reason });
  }
  for (const { member, of, why } of losers) {
    const slot = member.role === "cover" ? "the cover letter" : `slot ${member.index}/${n}`;
    const reason =
      why === "rerolled"
        ? `patch ${member.index}/${n} of series ${head}, replaced by the partial reroll ${of.msg.msgid} (v${of.version})`
        : why === "older-reroll"
          ? `partial reroll of ${slot} of series ${head}, superseded by ${of.msg.msgid} (v${of.version})`
          : `duplicate of ${slot} of series ${head}, already taken by ${of.msg.msgid} (the first by date)`;
    out.push({ msgid: member.msg.msgid, role: "duplicate", of: of.msg.msgid, reason });
  }
  return out;
}
