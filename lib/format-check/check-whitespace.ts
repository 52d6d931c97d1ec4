import { decodeFlowed } from "../mail/flowed";
import { scanDiff, type DiffLine } from "./scan-diff";
import type { Finding, Pass, ReadMail, SentText } from "./types";

/**
 * Damage a mail client does to a patch on its way: long lines wrapped (a hunk whose line
 * counts no longer add up), tabs expanded to spaces, CRs added at line ends, format=flowed
 * soft breaks, quoted-printable escapes left in the text, a patch sent only as an
 * attachment or only as HTML. Each is what makes `git am` refuse a patch, or apply it
 * with the wrong whitespace (Documentation/process/email-clients.rst in the kernel).
 */
const SEND_EMAIL =
  "Send the files `git format-patch` wrote with `git send-email`; a mail client that wraps or re-encodes text breaks patches (the kernel's Documentation/process/email-clients.rst says how to set up the usual clients).";

/** Files whose indentation must be tabs: Makefile recipes, kernel-style C, Kconfig. */
const TAB_FILES = /(^|\/)(GNUmakefile|[Mm]akefile[^/]*|Kconfig[^/]*|Kbuild)$|\.(mk|c|h|S)$/;

export function checkWhitespace(m: ReadMail, patch: number): { findings: Finding[]; passes: Pass[] } {
  const findings: Finding[] = [];
  const text = diffText(m.texts);
  if (!text) {
    const html = m.texts.some((t) => t.contentType === "text/html");
    if (html && !m.texts.some((t) => t.contentType === "text/plain"))
      findings.push(
        problem(patch, null, "The mail is HTML only; `git am` needs the patch as plain text.", SEND_EMAIL),
      );
    return { findings, passes: [] };
  }
  if (!text.inline)
    findings.push({
      check: "mail-format",
      severity: "warning",
      patch,
      where: null,
      message:
        "The patch is an attachment; reviewers on the list answer inline, so they need it in the mail's text.",
      fix: SEND_EMAIL,
    });

  const raw = text.text.split("\n");
  // Over the wire every line ends in CRLF: a CR left after removing that one is the client's.
  const wireCrlf = raw.slice(0, -1).every((l) => l.endsWith("\r"));
  const lines = wireCrlf ? raw.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l)) : raw;
  const scanned = scanDiff(text.flowed ? decodeFlowed(lines.join("\n"), text.delSp).split("\n") : lines);
  const diffLines = scanned.lines;

  // Quoted-printable left in the text: escapes and soft breaks (a trailing `=`) after the diff starts.
  const diffStart = lines.findIndex((l) => l.startsWith("diff --git ") || l.startsWith("--- "));
  const escaped = lines.slice(Math.max(diffStart, 0)).filter((l) => /=(3D|20|09)|=$/.test(l));
  const qpDamage = escaped.length >= 2;
  if (qpDamage)
    findings.push(
      problem(
        patch,
        `line ${diffStart + 1 + lines.slice(diffStart).findIndex((l) => /=(3D|20|09)|=$/.test(l))} of the mail's text`,
        `${escaped.length} line(s) of the diff hold quoted-printable escapes (=3D, =20, a trailing =): the text was encoded twice, or pasted already encoded.`,
        SEND_EMAIL,
      ),
    );
  // git mailinfo undoes format=flowed; lines that end with a space are joined with the next.
  const flowedDamage = text.flowed && scanned.problems.length > 0 && scanDiff(lines).problems.length === 0;
  for (const p of scanned.problems.slice(0, 3)) {
    const where = p.file
      ? `${p.file} (line ${p.textLine} of the mail's text)`
      : `line ${p.textLine} of the mail's text`;
    const cause = qpDamage
      ? "quoted-printable soft breaks split its lines"
      : flowedDamage
        ? "the mail is format=flowed, and a line of the diff that ends with a space was joined with the next"
        : "a long line was wrapped (or two were joined) by the mail client";
    findings.push(
      problem(
        patch,
        where,
        p.line === null
          ? `The hunk \`${clip(p.hunkHeader)}\` ends before the lines its header counts: the patch is cut short, or ${cause}.`
          : `The hunk \`${clip(p.hunkHeader)}\` does not add up at \`${clip(p.line)}\`: ${cause}, so \`git am\` reports a corrupt patch.`,
        SEND_EMAIL,
      ),
    );
  }

  const crLines = diffLines.filter((l) => l.content.endsWith("\r"));
  if (crLines.length > 0)
    findings.push(
      problem(
        patch,
        `${crLines[0]!.file} (line ${crLines[0]!.textLine} of the mail's text)`,
        `${crLines.length} line(s) of the diff end with a carriage return (CR): the mail client turned line ends into CRLF, and the patch will not apply to files that have none.`,
        `${SEND_EMAIL} If your files really use CRLF, send with \`git send-email --transfer-encoding=base64\`.`,
      ),
    );

  findings.push(...tabDamage(diffLines, patch));

  if (text.flowed && scanned.problems.length === 0)
    findings.push({
      check: "whitespace",
      severity: "warning",
      patch,
      where: null,
      message:
        "The mail is format=flowed (RFC 3676). It came through this time, but a line of a diff that ends with a space would be joined with the next.",
      fix: SEND_EMAIL,
    });

  const passes: Pass[] =
    findings.length === 0 && scanned.found
      ? [
          {
            check: "whitespace",
            message: "the diff came through intact: hunks add up, tabs and line ends are as git wrote them",
          },
        ]
      : [];
  return { findings, passes };
}

/**
 * Tabs expanded by the mail client: in a file that must be indented with tabs, no line of
 * the diff starts with a tab and the indented ones start with multiples of 8 spaces. A
 * project indented with 4 spaces (QEMU) has lines at 4 or 12 too, and is left alone.
 */
function tabDamage(lines: DiffLine[], patch: number): Finding[] {
  const byFile = new Map<string, DiffLine[]>();
  for (const l of lines) if (TAB_FILES.test(l.file)) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
  const out: Finding[] = [];
  for (const [file, own] of byFile) {
    const tabs = own.filter((l) => l.content.startsWith("\t")).length;
    const spaced = own.filter((l) => /^ +\S/.test(l.content));
    // Expanded with the diff's marker column in front: the first tab becomes 7 spaces, the next ones 8.
    const eights = spaced.filter((l) => isExpandedTab(/^ */.exec(l.content)![0].length));
    const makefile = /(^|\/)(GNUmakefile|[Mm]akefile[^/]*)$|\.mk$/.test(file);
    const damaged =
      tabs === 0 && eights.length >= (makefile ? 1 : 3) && eights.length * 4 >= spaced.length * 3;
    if (!damaged) continue;
    const first = eights.find((l) => l.kind !== "add") ?? eights[0]!;
    out.push(
      problem(
        patch,
        `${file}${first.newLine !== null ? `:${first.newLine}` : ""} (line ${first.textLine} of the mail's text)`,
        `Lines of ${file} are indented with spaces where the file uses tabs (${eights.length} line(s) start with 8, 16, … spaces, none with a tab): the mail client turned tabs into spaces${first.kind === "add" ? "" : ", so the context no longer matches the file"}.`,
        SEND_EMAIL,
      ),
    );
  }
  return out;
}

function isExpandedTab(spaces: number): boolean {
  return spaces >= 7 && (spaces % 8 === 0 || spaces % 8 === 7);
}

/** The text part that carries the diff: inline first, as git mailinfo reads it. */
function diffText(texts: SentText[]): SentText | null {
  const withDiff = texts.filter((t) => t.contentType !== "text/html" && scanDiff(t.text.split("\n")).found);
  return withDiff.find((t) => t.inline) ?? withDiff[0] ?? null;
}

function problem(patch: number, where: string | null, message: string, fix: string): Finding {
  return { check: "whitespace", severity: "error", patch, where, message, fix };
}

function clip(s: string): string {
  const flat = s.replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return flat.length > 72 ? `${flat.slice(0, 69)}...` : flat;
}
