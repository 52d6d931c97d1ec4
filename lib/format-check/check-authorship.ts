import type { Address } from "../mail/types";
import type { Finding, Pass, ReadMail } from "./types";

/**
 * Who the commit will say wrote it, and whether that person signed it off. `git am` takes
 * the author from an in-body `From:` line, else from the From header as it arrived: a
 * From rewritten on the way for DMARC (`Jane via list <list@…>`, Mailman's "munge from")
 * becomes the author unless the body says otherwise. The Developer's Certificate of
 * Origin (Documentation/process/submitting-patches.rst) wants the author's Signed-off-by.
 */
const VIA = /\s+via\s+\S+$/i;

export function authorOf(m: ReadMail): Address | null {
  return m.inBodyFrom ?? m.fromHeader ?? m.mail.from;
}

export function checkAuthorship(m: ReadMail, patch: number): { findings: Finding[]; passes: Pass[] } {
  const findings: Finding[] = [];
  const passes: Pass[] = [];
  const author = authorOf(m);
  const munged = m.fromHeader !== null && VIA.test(m.fromHeader.name);

  if (!author) {
    findings.push({
      check: "author",
      severity: "error",
      patch,
      where: null,
      message: "The mail names no author: it has no usable From header and no in-body From: line.",
      fix: "Set your name and address (`git config user.name`, `git config user.email`) and send with `git send-email`.",
    });
  } else if (munged && !m.inBodyFrom) {
    findings.push({
      check: "author",
      severity: "error",
      patch,
      where: "From header",
      message: `The From header arrived rewritten as "${m.fromHeader!.name} <${m.fromHeader!.email}>" (DMARC protection by a list or a mail provider); \`git am\` would record that as the commit's author.`,
      fix: 'Put the author in the body: `git format-patch --from="Your Name <you@example.org>"` writes an in-body From: line, which `git am` prefers to the header.',
    });
  } else if (m.inBodyFrom && m.fromHeader && m.inBodyFrom.email !== m.fromHeader.email) {
    passes.push({
      check: "author",
      message: `the author is ${show(m.inBodyFrom)} (in-body From: line), sent by ${show(m.fromHeader)}`,
    });
  } else if (!author.name) {
    findings.push({
      check: "author",
      severity: "warning",
      patch,
      where: "From header",
      message: `The author <${author.email}> has no name; the commit would show only the address.`,
      fix: 'Set your name with `git config user.name "Your Name"` and format the patch again.',
    });
  } else passes.push({ check: "author", message: `the author is ${show(author)}` });

  const signoffs = m.mail.trailers.filter((t) => t.key === "signed-off-by");
  if (signoffs.length === 0) {
    findings.push({
      check: "signed-off-by",
      severity: "error",
      patch,
      where: null,
      message:
        "There is no Signed-off-by: line: the project can only take a patch its author certifies under the Developer's Certificate of Origin.",
      fix: "Add it with `git commit --amend -s` (or `git format-patch -s`), then format and send the patch again.",
    });
  } else if (author) {
    const byEmail = signoffs.find((t) => t.person?.email === author.email);
    const byName = signoffs.find((t) => t.person?.name && sameName(t.person.name, author.name));
    if (byEmail)
      passes.push({ check: "signed-off-by", message: `signed off by the author (${byEmail.line})` });
    else if (byName)
      findings.push({
        check: "signed-off-by",
        severity: "warning",
        patch,
        where: byName.line,
        message: `The Signed-off-by is for <${byName.person!.email}>, but the author's address is <${author.email}>.`,
        fix: "Sign off with the address you author with (`git config user.email`), or make the author match with `git commit --amend --reset-author`.",
      });
    else
      findings.push({
        check: "signed-off-by",
        severity: "error",
        patch,
        where: signoffs[0]!.line,
        message: `No Signed-off-by names the author, ${show(author)}: only ${signoffs.map((t) => t.value).join(", ")}.`,
        fix: 'The author signs off first: `git commit --amend -s` as the author (or fix the author with `git commit --amend --author="Name <address>"`).',
      });
  }
  return { findings, passes };
}

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(VIA, "").trim().toLowerCase().replace(/\s+/g, " ");
  return norm(a) !== "" && norm(a) === norm(b);
}

function show(a: Address): string {
  return a.name ? `${a.name} <${a.email}>` : `<${a.email}>`;
}
