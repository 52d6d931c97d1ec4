import { scanDiff } from "./scan-diff";
import type { Finding, FormatRule, ReadMail } from "./types";

/** Matches shown per rule and patch; the rest are counted. */
const MAX_SHOWN = 3;

/**
 * The project's own checkpatch-style rules (projects.json `formatCheck.rules`): a line the
 * patch adds must not match a rule's pattern. Only added lines count: a patch is not
 * blamed for what the file already holds.
 */
export function compileRules(rules: readonly FormatRule[]): { rule: FormatRule; re: RegExp }[] {
  return rules.flatMap((rule) => {
    try {
      return [{ rule, re: new RegExp(rule.pattern, "u") }];
    } catch {
      return [];
    }
  });
}

export function checkRules(m: ReadMail, patch: number, rules: { rule: FormatRule; re: RegExp }[]): Finding[] {
  if (!m.mail.patch || rules.length === 0) return [];
  const added = scanDiff(m.mail.patch.diff.split("\n")).lines.filter((l) => l.kind === "add");
  const findings: Finding[] = [];
  for (const { rule, re } of rules) {
    const hits = added.filter((l) => re.test(l.content));
    for (const hit of hits.slice(0, MAX_SHOWN))
      findings.push({
        check: "rule",
        severity: "error",
        patch,
        where: `${hit.file}:${hit.newLine}`,
        message: `${rule.message} (rule ${rule.name}: \`${clip(hit.content)}\`)`,
        fix: "Change the line, amend the commit, and format the patch again.",
      });
    if (hits.length > MAX_SHOWN)
      findings.push({
        check: "rule",
        severity: "error",
        patch,
        where: null,
        message: `${hits.length - MAX_SHOWN} more line(s) break rule ${rule.name}.`,
        fix: "Change them the same way.",
      });
  }
  return findings;
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}
