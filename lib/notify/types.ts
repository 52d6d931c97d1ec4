import type { RobotMailKind } from "./robot-mail-kind";

/**
 * What the robot mails about, as plain data: the series it answers and what failed. The
 * worker reads these facts from the database; lib/notify turns them into a draft, and
 * lib/flows/notify/deliver-robot-mail.ts stores and sends it.
 */

export interface MailAddress {
  name: string;
  address: string;
}

/** A mail the robot wants to send: the Outbox contract's draft (lib/flows/notify/deliver-robot-mail.ts). */
export interface RobotMailDraft {
  kind: RobotMailKind;
  /** One mail per key, ever (robot_mail.dedupe_key). */
  dedupeKey: string;
  projectId?: number | null;
  seriesId?: bigint | null;
  from: MailAddress;
  to: string[];
  cc: string[];
  subject: string;
  /** Message-ID without <>. */
  inReplyTo?: string;
  /** Without <>. */
  references?: string[];
  /** Plain-text body. */
  text: string;
}

/** The message a reply answers: the cover letter, or the patch of a series of one. */
export interface ThreadHead {
  msgid: string;
  subject: string;
  /** Its own References, oldest first, without <>. */
  references: string[];
  /** Addresses it was sent to (To and Cc), to find which of the project's lists it went to. */
  recipients: string[];
}

export interface SeriesFacts {
  projectId: number;
  project: string;
  seriesId: bigint;
  headMsgid: string;
  title: string;
  version: number;
  author: { name: string; email: string };
  head: ThreadHead;
  /** Patch mails in order, for the dedupe key and to name the failing one (subject without prefixes). */
  patches: { index: number; msgid: string; subject: string; files: string[] }[];
}

/** How the robot is set up for the project (the `robot` settings) and where links point. */
export interface RobotSettings {
  from: MailAddress;
  /** The project's list addresses (its own, else its parent's), lower-case. */
  lists: string[];
  ccLists: boolean;
  /** The maintainers and reviewers of the touched files, when the project wants them on Cc. */
  maintainers: { name: string; email: string }[];
  /** Base URL of this server, without a trailing slash. */
  publicUrl: string;
}

/** The latest apply result of a series, when it is `failed`. */
export interface ApplyFailure {
  failedPatch: number | null;
  conflicts: string[];
  baseKind: string | null;
  baseCommit: string | null;
  baseReason: string | null;
  /** git's output, or why the series was refused before git saw it. */
  log: string | null;
}

/** A failed run of a test marked `email: true`. */
export interface TestFailure {
  test: string;
  /** The test job whose log is at `${publicUrl}/logs/<jobId>`; null for a result without a job. */
  jobId: bigint | null;
  /** The job's output as kept (head and tail of a large one). */
  log: string;
  logTruncated: boolean;
  /** The configured script, run with bash in the applied tree. */
  script: string;
  /** Where to fetch the applied series from, and the tag; null when the series has no tag. */
  fetchUrl: string | null;
  tag: string | null;
  commit: string | null;
  summary: string | null;
  durationMs: number | null;
  /** The same test on the commit the series was applied on (`success`, or null when unknown). */
  baseState: string | null;
}
