import type { ParsedSubject } from "./types";

/*
 * Subjects as `git format-patch`, `git send-email`, b4 and mailing lists write them:
 *
 *   Re: [Qemu-devel] [RFC PATCH v3 2/7] block: do something
 *   ^reply ^list tag  ^-------- prefixes --------^ ^title
 *
 * format-patch writes one bracket (`--subject-prefix`, `-v N`, `--rfc`, `N/M`); lists add
 * their own tag in front (mailman's `subject_prefix`); mail clients add `Re:`/`Fwd:` and
 * their translations (Outlook's German `AW:`/`WG:`, Scandinavian `SV:`). Words inside
 * brackets are split on whitespace and commas, as patchwork's `split_prefixes` does.
 */

/** `Re:`, `Re[2]:`, `AW:`, `SV:` (replies); `Fwd:`, `Fw:`, `WG:` (forwards). */
const REPLY_OR_FORWARD = /^(re|aw|sv|fwd?|wg)\s*(?:\[\d+\])?\s*:/i;
const FORWARD_WORDS = new Set(["fwd", "fw", "wg"]);

/** `v2`, `V2`, `v4.5` (a partial reroll keeps a fractional version). */
const VERSION = /^v(\d{1,6}(?:\.\d{1,6})?)$/;
/** `PATCHv2`, `RFCv3`: the marker glued to its version. */
const GLUED_VERSION = /^(patch|rfc|resend|pull)v(\d{1,6}(?:\.\d{1,6})?)$/;
/** `3/5`, `01/11`. */
const PART = /^(\d{1,6})\/(\d{1,6})$/;

/** Words that say "this is a patch or a pull request" rather than naming a list or project. */
const PATCH_MARKERS = new Set(["patch", "rfc", "resend", "pull"]);
/** Words that are part of a marker but not a marker alone (`GIT PULL`, `PULL REQUEST`, `[GIT]`). */
const MARKER_COMPANIONS = new Set(["git", "request"]);

interface Accumulator {
  prefixes: string[];
  listTags: string[];
  version: number;
  part: { index: number; total: number } | null;
  isRfc: boolean;
  isResend: boolean;
  isPull: boolean;
  hasPatchMarker: boolean;
}

/** Parse one bracket's words into the accumulator. */
function readBracket(content: string, acc: Accumulator): void {
  const words = content
    .trim()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return;

  let structural = false;
  for (const word of words) {
    acc.prefixes.push(word);
    const glued = GLUED_VERSION.exec(word);
    const marker = glued ? glued[1]! : word;
    if (glued) acc.version = Number(glued[2]);
    const version = VERSION.exec(word);
    const part = PART.exec(word);
    if (version) {
      acc.version = Number(version[1]);
      structural = true;
    } else if (part) {
      const index = Number(part[1]);
      const total = Number(part[2]);
      // `7/3` is not a position in a series; keep it as a plain prefix word.
      if (total > 0 && index <= total) acc.part = { index, total };
      structural = true;
    } else if (PATCH_MARKERS.has(marker)) {
      acc.hasPatchMarker = true;
      structural = true;
      if (marker === "rfc") acc.isRfc = true;
      if (marker === "resend") acc.isResend = true;
      if (marker === "pull") acc.isPull = true;
    } else if (MARKER_COMPANIONS.has(word)) {
      structural = true;
    }
  }
  // A bracket holding a single ordinary word is a list or project tag: `[LTP]`, `[edk2]`.
  if (words.length === 1 && !structural) acc.listTags.push(words[0]!);
}

/** Split a subject into reply markers, bracketed prefixes and the title. Never throws. */
export function parseSubject(subject: string): ParsedSubject {
  const acc: Accumulator = {
    prefixes: [],
    listTags: [],
    version: 1,
    part: null,
    isRfc: false,
    isResend: false,
    isPull: false,
    hasPatchMarker: false,
  };
  let isReply = false;
  let isForward = false;
  let sawBracket = false;

  // RFC 5322 §2.2.3 unfolding: a line break followed by white space is removed.
  let rest = subject.replace(/\r?\n(?=[ \t])/g, "").replace(/[\r\n]+/g, " ");
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith("[")) {
      const close = rest.indexOf("]");
      if (close < 0) break; // unbalanced: the rest is title
      readBracket(rest.slice(1, close), acc);
      rest = rest.slice(close + 1);
      sawBracket = true;
      continue;
    }
    // `Re:` after a patch bracket belongs to the title (`[PATCH] fw: load blob`).
    const marker = acc.hasPatchMarker ? null : REPLY_OR_FORWARD.exec(rest);
    if (marker) {
      if (FORWARD_WORDS.has(marker[1]!.toLowerCase())) isForward = true;
      else isReply = true;
      rest = rest.slice(marker[0].length);
      continue;
    }
    // `[Patch]: Fix …`: some senders put a colon after the brackets.
    if (sawBracket && rest.startsWith(":")) {
      rest = rest.slice(1);
      continue;
    }
    break;
  }

  return { title: rest.trim(), ...acc, isReply, isForward };
}

/** The title reduced to what stays the same between revisions: case, spacing, final period. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.\s]+$/, "");
}
