import { extractMessageIds } from "./message-id";
import { messageIdFromUrl } from "./message-id-url";
import type { MessageHints } from "./types";

/*
 * Links between messages that people and tools write into bodies:
 *   Based-on: <id>                 patchew's convention (with or without brackets)
 *   Depends-on: <id>               same meaning, used on several lists
 *   prerequisite-message-id: <id>  b4 (`b4 prep --edit-deps`), under `base-commit:`
 *   Supersedes: <id>               patchew: this series replaces that one
 *   change-id: 20240101-foo-abc123 b4: one id for every revision of a series
 *   base-commit: <sha>             `git format-patch --base`
 *   v1: <https://lore…/ID>         b4's "Changes in v2 … - Link to v1: URL" and hand-written links
 * Quoted lines (`>`) are someone else's text and never count.
 */

const LINK_KEY = /^\s*(based-on|depends-on|prerequisite-message-id|supersedes)\s*:\s*(.*?)\s*$/i;
const CHANGE_ID = /^\s*change-id\s*:\s*([A-Za-z0-9][A-Za-z0-9._-]{0,199})\s*$/i;
const BASE_COMMIT = /^\s*base-commit\s*:\s*([0-9a-f]{7,64})\s*$/i;
/** `v1: <link>`, `- Link to v1: link`, `Previous version: link`: the value must be one link or one `<id>`. */
const PREVIOUS =
  /^\s*(?:[-*]\s*)?(?:link to\s+)?(?:v\d{1,4}(?:\.\d{1,4})?|previous (?:version|revision))\s*:\s*<?([^\s<>]+)>?\s*$/i;

const MAY_HOLD_HINT =
  /based-on|depends-on|prerequisite-message-id|supersedes|change-id|base-commit|v\d|previous (?:version|revision)/i;

/** Message-ids in a hint value: links to archives, `<id>` tokens, or bare `local@domain` words. */
function idsInValue(value: string): string[] {
  const ids: string[] = [];
  for (const url of value.match(/\bhttps?:\/\/[^\s<>]+/gi) ?? []) {
    const id = messageIdFromUrl(url);
    if (id !== null) ids.push(id);
  }
  if (ids.length > 0) return ids;
  return extractMessageIds(value);
}

function pushUnique(list: string[], ids: string[]): void {
  for (const id of ids) if (!list.includes(id)) list.push(id);
}

/** The hints in a message body (the whole unquoted body: `Based-on:` often sits below `---`). */
export function parseHints(text: string): MessageHints {
  const hints: MessageHints = {
    basedOn: [],
    supersedes: [],
    changeId: null,
    baseCommit: null,
    previousVersions: [],
  };
  // One pass over the whole text first: most bodies hold no hint at all.
  if (!MAY_HOLD_HINT.test(text)) return hints;
  for (const line of text.split("\n")) {
    if (line.length > 2000 || !line.includes(":") || /^\s*>/.test(line)) continue;
    const link = LINK_KEY.exec(line);
    if (link) {
      const ids = idsInValue(link[2]!);
      pushUnique(link[1]!.toLowerCase() === "supersedes" ? hints.supersedes : hints.basedOn, ids);
      continue;
    }
    const changeId = CHANGE_ID.exec(line);
    if (changeId) {
      hints.changeId ??= changeId[1]!;
      continue;
    }
    const base = BASE_COMMIT.exec(line);
    if (base) {
      hints.baseCommit ??= base[1]!.toLowerCase();
      continue;
    }
    const previous = PREVIOUS.exec(line);
    if (previous) {
      const value = previous[1]!;
      const id = /^https?:\/\//i.test(value)
        ? messageIdFromUrl(value)
        : value.includes("@")
          ? (idsInValue(`<${value}>`)[0] ?? null)
          : null;
      if (id !== null) pushUnique(hints.previousVersions, [id]);
    }
  }
  return hints;
}
