import type { MailKind, ParsedSubject } from "./types";

/*
 * What a mail is, from its subject, its threading headers and what its body holds. The
 * rules follow the lists' practice (patchew, patchwork, b4):
 * - `Re:` means a reply, even with a diff: reviewers paste diffs and fix-ups;
 * - `0/N` is a cover letter (`[PULL 00/N]` too), even when sent in reply to an earlier
 *   version;
 * - `i/N` with i ≥ 1 and a diff is a patch even with In-Reply-To (deep threading, or a
 *   partial reroll `[PATCH v5.1 10/12]` sent in reply to v5);
 * - any other diff without `Re:` is a patch, with or without `[PATCH]` (patchwork 0010);
 * - pull-request text, or `[GIT PULL]`/`[PULL]` without a number, is a pull request.
 * The reason is a sentence for `patchwatch why`.
 */

export interface Classification {
  kind: MailKind;
  kindReason: string;
}

export interface ClassifyInput {
  subject: ParsedSubject;
  hasDiff: boolean;
  hasPullRequest: boolean;
  /** In-Reply-To or References present. */
  answersAnother: boolean;
}

export function classifyMail({
  subject,
  hasDiff,
  hasPullRequest,
  answersAnother,
}: ClassifyInput): Classification {
  const part = subject.part;
  const numbered = part ? `${part.index}/${part.total}` : null;
  if (subject.isReply) {
    return {
      kind: "reply",
      kindReason: hasDiff
        ? "reply: subject starts with Re: (its diff is a reviewer's, not a new patch)"
        : "reply: subject starts with Re:",
    };
  }
  if (subject.isForward) return { kind: "other", kindReason: "forwarded message (Fwd:)" };
  if (part && part.index === 0) {
    return {
      kind: "cover",
      kindReason: subject.isPull ? `pull request cover letter ${numbered}` : `cover letter ${numbered}`,
    };
  }
  if (hasDiff && part) return { kind: "patch", kindReason: `numbered ${numbered} with a diff` };
  if (hasDiff && hasPullRequest)
    return { kind: "pull", kindReason: "pull request (repository URL) that also carries a diff" };
  if (hasDiff) {
    if (subject.hasPatchMarker)
      return {
        kind: "patch",
        kindReason: answersAnother
          ? "patch marker and a diff, sent in reply to another message"
          : "patch marker and a diff",
      };
    return { kind: "patch", kindReason: "has a diff (no patch marker in the subject)" };
  }
  if (hasPullRequest) return { kind: "pull", kindReason: "pull request: names a repository to fetch" };
  if (subject.isPull && !part) return { kind: "pull", kindReason: "pull request marker in the subject" };
  if (answersAnother)
    return { kind: "reply", kindReason: "reply: answers another message (In-Reply-To/References)" };
  if (numbered) return { kind: "other", kindReason: `numbered ${numbered} but no diff found` };
  if (subject.hasPatchMarker)
    return { kind: "other", kindReason: "patch marker in the subject but no diff found" };
  return { kind: "other", kindReason: "no diff and no patch marker" };
}
