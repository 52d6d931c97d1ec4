import type { Finding, Pass, ReadMail, Submission } from "./types";

/**
 * The shape of the series: `[PATCH vN i/M]` prefixes as `git format-patch` writes them,
 * one version and one total throughout, every part from 1 to M exactly once, and a cover
 * letter (0/M) when there is more than one patch, which is where the series is
 * discussed as a whole.
 */
const FORMAT_PATCH =
  "Let git write the subjects: `git format-patch -v<N> --cover-letter -o outgoing/ <base>..` and send all of `outgoing/` with `git send-email`.";

/** `2 minutes`, `30 seconds`: how long the robot waits for the rest of a series. */
export function describeWait(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.round(seconds / 60)} minutes`;
}

export function partOf(m: ReadMail): number | null {
  return m.mail.parsedSubject.part?.index ?? null;
}

export function checkNumbering(s: Submission, waited: string): { findings: Finding[]; passes: Pass[] } {
  const findings: Finding[] = [];
  const passes: Pass[] = [];
  const error = (check: Finding["check"], patch: number | null, message: string, fix: string) =>
    findings.push({ check, severity: "error", patch, where: null, message, fix });

  for (const m of s.mails) {
    const subject = m.mail.parsedSubject;
    if (!subject.hasPatchMarker)
      error(
        "subject",
        partOf(m),
        `The subject "${m.mail.subject}" has no [PATCH] prefix, so the list's tools will not see a patch.`,
        FORMAT_PATCH,
      );
    else if (subject.isReply)
      findings.push({
        check: "subject",
        severity: "warning",
        patch: partOf(m),
        where: null,
        message: `The subject "${m.mail.subject}" starts with Re:, which marks an answer, not a patch.`,
        fix: FORMAT_PATCH,
      });
  }

  const versions = [...new Set(s.mails.map((m) => m.mail.parsedSubject.version))].sort((a, b) => a - b);
  if (versions.length > 1)
    error(
      "numbering",
      null,
      `The mails carry different versions (${versions.map((v) => `v${v}`).join(", ")}); a series is sent whole, at one version.`,
      FORMAT_PATCH,
    );
  const totals = [...new Set(s.mails.flatMap((m) => m.mail.parsedSubject.part?.total ?? []))].sort(
    (a, b) => a - b,
  );
  if (totals.length > 1)
    error(
      "numbering",
      null,
      `The parts disagree on how many patches there are (${totals.map((t) => `of ${t}`).join(", ")}).`,
      FORMAT_PATCH,
    );

  const patches = s.mails.filter((m) => m.mail.messageId !== s.series.coverMsgid && partOf(m) !== 0);
  const unnumbered = patches.filter((m) => partOf(m) === null);
  if (patches.length > 1 && unnumbered.length > 0)
    error(
      "numbering",
      null,
      `${unnumbered.length} of the ${patches.length} patches have no number (i/N) in the subject, so their order is unknown.`,
      FORMAT_PATCH,
    );

  const total = Math.max(s.series.total, ...totals, 1);
  const seen = new Map<number, ReadMail[]>();
  for (const m of patches) {
    const index = partOf(m) ?? 1;
    seen.set(index, [...(seen.get(index) ?? []), m]);
  }
  for (const [index, copies] of seen) {
    if (copies.length > 1)
      error(
        "numbering",
        index,
        `Patch ${index}/${total} arrived ${copies.length} times (${copies.map((c) => `<${c.mail.messageId}>`).join(", ")}).`,
        "Send each patch of a series once; to send the series again, make it a new version (`git format-patch -v<N+1>`).",
      );
    if (index > total)
      error(
        "numbering",
        index,
        `Patch ${index}/${total} is numbered beyond the series' ${total} patches.`,
        FORMAT_PATCH,
      );
    for (const m of copies)
      if (!m.mail.patch)
        error(
          "complete",
          index,
          `The mail "${m.mail.subject}" holds no diff that \`git am\` could find.`,
          "Send the file `git format-patch` wrote, unchanged, with `git send-email` (not pasted, not as HTML).",
        );
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    error(
      "complete",
      null,
      `${missing.length === 1 ? "Patch" : "Patches"} ${missing.map((i) => `${i}/${total}`).join(", ")} did not arrive (I waited ${waited} after the last part).`,
      "Send the whole series again, every file at once: `git send-email --to=<address> outgoing/*.patch`.",
    );
  const cover = s.series.coverMsgid !== null;
  if (total > 1 && !cover)
    error(
      "cover-letter",
      null,
      `A series of ${total} patches needs a cover letter (patch 0/${total}) saying what the series does and why.`,
      "`git format-patch --cover-letter` writes 0000-cover-letter.patch: fill in its subject and text, then send it with the patches.",
    );

  if (!findings.some((f) => f.check === "subject" || f.check === "numbering")) {
    const prefix = `[PATCH${versions[0]! > 1 ? ` v${versions[0]}` : ""}${total > 1 ? ` 1/${total}` : ""}]`;
    passes.push({
      check: "numbering",
      message:
        total > 1
          ? `subjects are numbered ${prefix} to ${total}/${total}, one version throughout`
          : `the subject prefix ${prefix} is right`,
    });
  }
  if (missing.length === 0 && total > 1)
    passes.push({ check: "complete", message: `all ${total} patches arrived` });
  if (cover && total > 1) passes.push({ check: "cover-letter", message: "the series has a cover letter" });
  return { findings, passes };
}
