import type { SeriesDraft } from "./draft";

/** How a reply's target is named in `patchwatch why`: "patch 2/3 of <head>". */
export function memberLabels(draft: SeriesDraft, into: Map<string, string>): void {
  const head = draft.head.msgid;
  const n = draft.planned.total;
  if (draft.cover) into.set(draft.cover.msg.msgid, `the cover letter of ${head}`);
  const holders = new Set<string>();
  for (const s of draft.slots) {
    holders.add(s.patch.msg.msgid);
    into.set(s.patch.msg.msgid, `patch ${s.index}/${n} of ${head}`);
    if (s.replaces)
      into.set(
        s.replaces.msg.msgid,
        `${s.replaces.msg.msgid}, patch ${s.index}/${n} of ${head} before its partial reroll`,
      );
  }
  for (const id of draft.memberIds) {
    if (!into.has(id)) into.set(id, `${id}, a duplicate within series ${head}`);
  }
}
