import { checkAuthorship } from "./check-authorship";
import { checkNumbering, partOf } from "./check-numbering";
import { checkRules, compileRules } from "./check-rules";
import { checkWhitespace } from "./check-whitespace";
import type { ApplyOutcome, CheckReport, Finding, FormatRule, Pass, ReadMail, Submission } from "./types";

/**
 * Every check of one submission, in the order the report gives them: the series' shape,
 * then each patch (authorship, sign-off, damage in transit, the project's rules), then
 * whether it applies to the branch head (decided by the caller, who runs git).
 */
export interface CheckOptions {
  rules: readonly FormatRule[];
  apply: ApplyOutcome;
  /** How long the robot waited for missing parts (`describeWait`). */
  waited: string;
}

export interface PatchReport {
  /** 0 for the cover letter. */
  index: number;
  subject: string;
  findings: Finding[];
  passes: Pass[];
}

export interface SubmissionReport extends CheckReport {
  /** The series as a whole: numbering, completeness, cover letter, applying. */
  series: { findings: Finding[]; passes: Pass[] };
  patches: PatchReport[];
  notes: string[];
}

export function patchMails(s: Submission): { index: number; mail: ReadMail }[] {
  return s.mails
    .filter((m) => m.mail.patch !== null && m.mail.messageId !== s.series.coverMsgid)
    .map((mail) => ({ index: partOf(mail) ?? 1, mail }))
    .sort((a, b) => a.index - b.index || (a.mail.mail.messageId < b.mail.mail.messageId ? -1 : 1));
}

export function checkSubmission(s: Submission, options: CheckOptions): SubmissionReport {
  const shape = checkNumbering(s, options.waited);
  const series = { findings: shape.findings.filter((f) => f.patch === null), passes: [...shape.passes] };
  const byPatch = new Map<number, Finding[]>();
  for (const f of shape.findings.filter((x) => x.patch !== null))
    byPatch.set(f.patch!, [...(byPatch.get(f.patch!) ?? []), f]);

  const rules = compileRules(options.rules);
  const patches: PatchReport[] = patchMails(s).map(({ index, mail }) => {
    const authorship = checkAuthorship(mail, index);
    const whitespace = checkWhitespace(mail, index);
    const findings = [
      ...(byPatch.get(index) ?? []),
      ...authorship.findings,
      ...whitespace.findings,
      ...checkRules(mail, index, rules),
    ];
    byPatch.delete(index);
    return {
      index,
      subject: mail.mail.subject,
      findings,
      passes: [...authorship.passes, ...whitespace.passes],
    };
  });
  // Findings about parts that carry no diff (a `[PATCH 2/3]` with the patch missing).
  for (const [index, findings] of byPatch) {
    const mail = s.mails.find((m) => partOf(m) === index);
    patches.push({ index, subject: mail?.mail.subject ?? `patch ${index}`, findings, passes: [] });
  }
  patches.sort((a, b) => a.index - b.index);

  const notes: string[] = [];
  const apply = options.apply;
  if (apply.state === "applied")
    series.passes.push({
      check: "applies",
      message: `the series applies to ${apply.branch} (${apply.head.slice(0, 12)}) with \`git am\``,
    });
  else if (apply.state === "failed")
    series.findings.push({
      check: "applies",
      severity: "error",
      patch: apply.patch,
      where: apply.conflicts.length ? apply.conflicts.slice(0, 5).join(", ") : null,
      message: `${apply.patch ? `Patch ${apply.patch}` : "The series"} does not apply to ${apply.branch} (${apply.head.slice(0, 12)}). git said:\n${indent(tail(apply.output))}`,
      fix: `Rebase on the current ${apply.branch} (\`git fetch && git rebase origin/${apply.branch}\`), fix the conflicts, and format the series again.`,
    });
  else notes.push(`Not tried on the branch head: ${apply.reason}.`);

  const all = [...series.findings, ...patches.flatMap((p) => p.findings)];
  const passes = [...series.passes, ...patches.flatMap((p) => p.passes)];
  return { findings: all, passes, series, patches, notes };
}

function tail(output: string): string {
  const lines = output.trim().split("\n");
  return lines.slice(-8).join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}
