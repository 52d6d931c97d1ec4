import { Badge, type BadgeTone } from "./badge";

/**
 * The latest attempt to apply the series (`git am --3way` on its base). The applier's
 * statuses are read loosely so that a new one still shows, as itself, in neutral grey.
 */
const looks: Record<string, { tone: BadgeTone; label: string; explanation: string }> = {
  applied: {
    tone: "green",
    label: "applied",
    explanation: "Applied: the series applies to the project's tree",
  },
  failed: {
    tone: "red",
    label: "apply failed",
    explanation: "Apply failed: git am could not apply the series",
  },
  pending: {
    tone: "outline",
    label: "apply waiting",
    explanation: "Waiting for the series its Based-on: names to be applied first",
  },
  "needs-rebase": {
    tone: "amber",
    label: "needs rebase",
    explanation: "Applied before, but no longer applies on the moved branch head",
  },
};
const aliases: Record<string, string> = {
  success: "applied",
  ok: "applied",
  conflict: "failed",
  failure: "failed",
  error: "failed",
  queued: "pending",
  running: "pending",
  "needs rebase": "needs-rebase",
  needs_rebase: "needs-rebase",
};

export function ApplyBadge({ apply }: { apply: { status: string } | null }) {
  if (!apply) return null;
  const key = apply.status.toLowerCase();
  const look = looks[aliases[key] ?? key] ?? {
    tone: "zinc" as const,
    label: apply.status,
    explanation: `Apply: ${apply.status}`,
  };
  return <Badge {...look} />;
}
