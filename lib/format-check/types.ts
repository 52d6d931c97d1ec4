import type { Address, Mail } from "../mail/types";
import type { PlannedSeries } from "../series/types";

/**
 * The format-check robot's vocabulary: a mail of the format-check mailbox as read, the
 * series it belongs to (a submission), and what the checks found.
 */

/** One text part of a mail as the mail client sent it: charset decoded, nothing else undone. */
export interface SentText {
  /** Decoded text; CRs and format=flowed soft breaks are still there. */
  text: string;
  /** Content-Type `format=flowed` (RFC 3676). */
  flowed: boolean;
  /** `delsp=yes` with format=flowed. */
  delSp: boolean;
  /** Shown inline rather than attached. */
  inline: boolean;
  contentType: string;
}

export interface ReadMail {
  /** The caller's id for the stored mail. */
  ref: string;
  receivedAt: Date;
  mail: Mail;
  /** The From header as sent, before a list's DMARC rewriting is undone. */
  fromHeader: Address | null;
  /** `From:` at the top of the body (git format-patch writes it when the author is not the sender). */
  inBodyFrom: Address | null;
  texts: SentText[];
  size: number;
}

/** The mails of one series as one contributor sent it, grouped in memory. */
export interface Submission {
  /** Lower-case address the reply goes to. */
  sender: Address;
  series: PlannedSeries;
  /** Every mail of the submission, including ones assembly set aside (duplicates, misnumbered parts). */
  mails: ReadMail[];
  lastReceivedAt: Date;
}

export type CheckName =
  | "subject"
  | "numbering"
  | "complete"
  | "cover-letter"
  | "signed-off-by"
  | "author"
  | "whitespace"
  | "mail-format"
  | "applies"
  | "rule";

export interface Finding {
  check: CheckName;
  severity: "error" | "warning";
  /** The patch's number in the series (0 for the cover letter); null for the whole series. */
  patch: number | null;
  /** Where, when known: `Makefile:215`, or a line of the mail body. */
  where: string | null;
  /** What is wrong, in a sentence. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** A check that passed, said in a sentence. */
export interface Pass {
  check: CheckName;
  message: string;
}

export interface CheckReport {
  findings: Finding[];
  passes: Pass[];
}

/** What applying the series to the branch head gave (the worker runs git). */
export type ApplyOutcome =
  | { state: "applied"; branch: string; head: string }
  | {
      state: "failed";
      branch: string;
      head: string;
      patch: number | null;
      conflicts: string[];
      output: string;
    }
  | { state: "skipped"; reason: string };

/** A project's `formatCheck.rules` entry. */
export interface FormatRule {
  name: string;
  pattern: string;
  message: string;
}
