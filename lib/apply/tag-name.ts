import crypto from "node:crypto";

/**
 * The tag a series is published under: `patchwatch/<safe-msgid>`, derived from the head
 * Message-ID (and the version) alone, so it is the same on every run and every machine.
 *
 * Message-IDs hold characters a ref cannot (git-check-ref-format(1): space, `~ ^ : ? * [ \`,
 * `..`, `@{`, a leading `.`, a trailing `.lock`) and characters a shell would act on when
 * the `git fetch URL TAG` command is pasted (`$ ; & | ' " ( ) < > !` …). So the name keeps
 * only `A-Z a-z 0-9 . + - @ =` as they are and writes every other byte of the UTF-8 form,
 * `_` included, as `_` and two hex digits, as are the dots git would refuse. The escaping
 * can be undone, so two Message-IDs never share a tag (a stranger cannot pick a
 * Message-ID that overwrites someone else's tag).
 *
 * Version 1 adds nothing; another version adds `_v<N>`, and a name too long for one file
 * name is cut and ends in `_h<hash>`: escaped text never holds `_v` or `_h`, so neither
 * suffix can be forged by a Message-ID. Every tag has the same depth, so no tag name can
 * be the directory of another (git stores refs as files).
 */
export const TAG_PREFIX = "patchwatch/";

/** Bytes of the part after `patchwatch/`: a loose ref is one file, and NAME_MAX is 255 with `.lock` added. */
const MAX_NAME_BYTES = 200;
const KEEP_BYTES = MAX_NAME_BYTES - 2 - 32;

const PLAIN = /^[A-Za-z0-9.+\-@=]$/;

function escapeMsgid(msgid: string): string {
  const bytes = Buffer.from(msgid, "utf8");
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const char = String.fromCharCode(byte);
    const dotRefused =
      char === "." &&
      (i === 0 || i === bytes.length - 1 || bytes[i - 1] === 0x2e || endsWithLockAt(bytes, i));
    out += byte < 0x80 && PLAIN.test(char) && !dotRefused ? char : `_${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}

function endsWithLockAt(bytes: Buffer, i: number): boolean {
  return i === bytes.length - 5 && bytes.subarray(i).toString("latin1") === ".lock";
}

function versionSuffix(version: number): string {
  if (version === 1 || !Number.isFinite(version) || version <= 0) return "";
  return `_v${String(version).replace(/[^0-9]/g, "_")}`;
}

/** The tag of a series: `patchwatch/<safe-msgid>` (see above). */
export function seriesTagName(headMsgid: string, version: number): string {
  let name = escapeMsgid(headMsgid) + versionSuffix(version);
  if (name.length > MAX_NAME_BYTES) {
    const hash = crypto.createHash("sha256").update(`${headMsgid}\n${version}`).digest("hex").slice(0, 32);
    // The cut may not leave half an escape, nor a dot git would refuse at the end.
    let kept = name.slice(0, KEEP_BYTES).replace(/_[0-9a-f]?$/, "");
    while (kept.endsWith(".")) kept = kept.slice(0, -1);
    name = `${kept}_h${hash}`;
  }
  return TAG_PREFIX + name;
}
