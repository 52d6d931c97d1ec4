import type { SubmissionReport } from "./check-submission";
import type { Finding, Submission } from "./types";

/**
 * The private answer to a contributor: a reply in the thread of the cover letter (or the
 * single patch), `Re:` its subject, saying first whether the series is ready for the
 * list, then each problem with how to fix it, then what is already right. Plain text, no
 * word from the mail is taken for markup; lines stay short for mail readers.
 */
export interface ComposedReply {
  subject: string;
  inReplyTo: string;
  references: string[];
  text: string;
  /** `<head Message-ID> v<version>`: one answer per series revision. */
  seriesKey: string;
  errors: number;
  warnings: number;
}

export function seriesKeyOf(s: Submission): string {
  return `${s.series.headMsgid} v${s.series.version}`;
}

export function composeReply(
  s: Submission,
  report: SubmissionReport,
  context: { project: string; lists: string[] },
): ComposedReply {
  const head = s.mails.find((m) => m.mail.messageId === s.series.headMsgid) ?? s.mails[0]!;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.length - errors;
  const patchCount = Math.max(s.series.total, 1);
  const what =
    patchCount > 1
      ? `your series "${s.series.title}" (${patchCount} patches)`
      : `your patch "${s.series.title}"`;
  const listLine = context.lists.length ? context.lists.join(", ") : `the ${context.project} list`;
  const out: string[] = [];
  const name = s.sender.name.split(/\s+/)[0];
  out.push(`Hello${name ? ` ${name}` : ""},`, "");
  out.push(`thank you for sending ${what} to the ${context.project} format check.`);
  if (errors === 0)
    out.push(
      `It looks good: no problem found${warnings ? `, only ${warnings} thing${warnings === 1 ? "" : "s"} worth a look` : ""}.`,
      `You can send it to ${listLine}.`,
    );
  else
    out.push(
      `I found ${errors} problem${errors === 1 ? "" : "s"} to fix before it goes to ${listLine}${warnings ? ` (and ${warnings} thing${warnings === 1 ? "" : "s"} worth a look)` : ""}.`,
    );
  out.push("Nothing was posted to the list; only you get this mail.", "");

  const seriesFindings = report.series.findings.filter((f) => f.patch === null || f.check === "applies");
  if (seriesFindings.length) {
    out.push("The series as a whole:");
    for (const f of seriesFindings) out.push(...finding(f));
    out.push("");
  }
  for (const p of report.patches) {
    if (p.findings.length === 0) continue;
    out.push(`${p.index === 0 ? "Cover letter" : `Patch ${p.index}`}: ${oneLine(p.subject)}`);
    for (const f of p.findings) out.push(...finding(f));
    for (const pass of p.passes) out.push(...wrap(`ok: ${pass.message}`, "  + ", "    "));
    out.push("");
  }

  // What is right: the series' own passes, then the patches with nothing to fix.
  const clean = report.patches.filter((p) => p.findings.length === 0 && p.index > 0);
  const cleanPasses = [...new Set(clean.flatMap((p) => p.passes.map((x) => x.message)))];
  if (report.series.passes.length || clean.length) {
    out.push("What is right:");
    for (const p of report.series.passes) out.push(...wrap(p.message, "  - ", "    "));
    if (clean.length) {
      const which =
        report.patches.length === 1
          ? "the patch"
          : `patch${clean.length === 1 ? "" : "es"} ${clean.map((p) => p.index).join(", ")}`;
      out.push(`  - ${which}: nothing to fix`);
      for (const p of cleanPasses) out.push(...wrap(p, "      ", "      "));
    }
    out.push("");
  }
  for (const n of report.notes) out.push(...wrap(n, "", ""));
  if (report.notes.length) out.push("");
  out.push(
    errors
      ? "Send the fixed series here again to check it once more, then to the list."
      : "Thank you, and welcome!",
    "",
    "-- ",
    `The ${context.project} format check (an automatic reply; answers to it are not read).`,
  );

  // The opening paragraph is wrapped; headings and git's output keep their lines.
  const intro = out.indexOf("", 2);
  const subject = head.mail.subject.replace(/^\s*(re:\s*)+/i, "");
  return {
    subject: `Re: ${oneLine(subject)}`,
    inReplyTo: head.mail.messageId,
    references: [...head.mail.references.filter((r) => r !== head.mail.messageId), head.mail.messageId],
    text: `${out.map((l, i) => (i < intro ? wrap(l, "", "").join("\n") : l)).join("\n")}\n`,
    seriesKey: seriesKeyOf(s),
    errors,
    warnings,
  };
}

function finding(f: Finding): string[] {
  // Control characters from a mail (escape sequences, form feeds) do not reach the reader's terminal.
  const message = f.message.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  // git's own output (indented lines after the sentence) keeps its lines.
  const [sentence = "", ...verbatim] = message.split("\n");
  return [
    ...wrap(`${f.severity === "error" ? "" : "(warning) "}${sentence}`, "  - ", "    "),
    ...verbatim,
    ...(f.where ? wrap(`where: ${oneLine(f.where)}`, "    ", "      ") : []),
    ...wrap(`how to fix: ${f.fix}`, "    ", "      "),
  ];
}

/** Words to lines of at most WIDTH columns (a word longer than that gets a line of its own). */
const WIDTH = 74;
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  // A command in backticks stays on one line, to be copied whole.
  for (const word of text.match(/[^\s`]*`[^`]*`\S*|\S+/g) ?? []) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Mail text is one line per field: nothing from a hostile subject may start a header or a new paragraph. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, " ").slice(0, 200);
}
