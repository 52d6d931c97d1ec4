import type { DiffStat } from "../diff/types";

/** A mailbox: display name (decoded, possibly empty) and lower-cased address. */
export interface Address {
  name: string;
  email: string;
}

/** One trailer line such as `Reviewed-by: Jane Doe <jane@example.com>`. */
export interface Trailer {
  /** The tag as written, without the colon: `Reviewed-By`, `tESTed-bY`. */
  kind: string;
  /** Canonical form for matching: `reviewed-by`, `tested-by`. */
  key: string;
  /** The text after the colon, trimmed. */
  value: string;
  /** The person named, when the value is `Name <email>` or a bare address. */
  person: Address | null;
  /** The whole line as written (trimmed). */
  line: string;
  /**
   * The patches the reviewer said the trailer is for (trailer-range.ts): the numbers
   * named ("For patches 1-3:", "1,2,4:", "for 2 and 5"), or "all" when they said the
   * whole series ("for all patches in the series", "Otherwise for the whole patchset:");
   * null when they said nothing (it then counts for the message it answers). Messages
   * stored before "all" existed only hold numbers or null.
   */
  appliesTo: number[] | "all" | null;
}

/** Subject as `git format-patch` and the lists write it, split into parts. */
export interface ParsedSubject {
  /** The subject without `Re:`/`Fwd:` and without bracketed prefixes, trimmed. */
  title: string;
  /** Words found inside the leading brackets, in order, lower-cased (`patch`, `v2`, `rfc`, `qemu-web`, `for-9.1`, `3/5`). */
  prefixes: string[];
  /** List tags such as `ltp`, `qemu-devel`: a bracket holding one word that is not a patch marker. */
  listTags: string[];
  /** 1 when not given; `v4.5` gives 4.5. */
  version: number;
  part: { index: number; total: number } | null;
  isReply: boolean;
  isForward: boolean;
  isRfc: boolean;
  isResend: boolean;
  /** `[PULL …]`, `[GIT PULL]`, `[PULL REQUEST]`. */
  isPull: boolean;
  /** A `PATCH`-like marker is among the prefixes (PATCH, PULL, RFC, RESEND). */
  hasPatchMarker: boolean;
}

export interface PatchContent {
  /** The commit message part: the body before the `---` separator or the diff. */
  commitMessage: string;
  /** The unified diff, exactly as sent (after transfer decoding). */
  diff: string;
  stat: DiffStat;
  /** `git patch-id --stable` of the diff (40 hex), or null when the diff has no hunks to hash. */
  patchId: string | null;
}

export interface PullRequest {
  /** Repository URL and ref, joined by one space when the ref is given: `git://host/repo.git next`. */
  url: string;
  /** The commit the changes are based on ("The following changes since commit …"), when given. */
  baseCommit: string | null;
}

/** Links between messages written in bodies by people and tools. */
export interface MessageHints {
  /** `Based-on:` / `Depends-on:` / b4 `prerequisite-message-id:` message-ids, normalised. */
  basedOn: string[];
  /** `Supersedes:` message-ids, normalised. */
  supersedes: string[];
  /** b4's `change-id:` of the series. */
  changeId: string | null;
  /** `base-commit:` from `git format-patch --base`. */
  baseCommit: string | null;
  /** Message-ids of earlier versions named in "v1: <link>"-style lines. */
  previousVersions: string[];
}

export type MailKind = "patch" | "cover" | "reply" | "pull" | "other";

/** A parsed email, reshaped from mailparser's objects. Nothing above lib/mail sees mailparser types. */
export interface Mail {
  messageId: string;
  /** True when the mail had no usable Message-ID and one was derived from a hash of its raw bytes. */
  messageIdSynthesized: boolean;
  subject: string;
  parsedSubject: ParsedSubject;
  from: Address | null;
  to: Address[];
  cc: Address[];
  date: Date | null;
  inReplyTo: string | null;
  /** References, oldest first, normalised, without duplicates; In-Reply-To last if it was not already there. */
  references: string[];
  listId: string | null;
  /** Auto-Submitted / Precedence bulk / X-Mailer robots: set when the mail says it was sent by a program. */
  autoSubmitted: boolean;
  /** Decoded text body (text/plain preferred, HTML converted only when there is no text part). */
  body: string;
  patch: PatchContent | null;
  pullRequest: PullRequest | null;
  /** Trailers found in the body outside quoted (`>`) lines. */
  trailers: Trailer[];
  hints: MessageHints;
  kind: MailKind;
  /** Why `kind` was chosen, for `patchwatch why`. */
  kindReason: string;
  /** Things that went wrong but did not stop the parse (unknown charset, broken date, ...). */
  warnings: string[];
}

export type ParseError =
  | "too-large"
  | "too-many-headers"
  | "header-too-long"
  | "mime-too-deep"
  | "too-many-parts"
  | "no-headers"
  | "unparseable";

export type ParseResult = { ok: true; mail: Mail } | { ok: false; error: ParseError; detail: string };
