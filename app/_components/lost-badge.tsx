import { Badge } from "./badge";

/** Why a current series counts as lost (DESIGN.md: the project's N and M days). */
export type LostReason = "no-reply" | "reviewed-not-merged" | "changes-requested";

export interface LostState {
  reason: LostReason;
  /** Whole days since the last message from someone else, or since the review. */
  days: number;
}

/**
 * A series nobody but its author has answered for N days, or reviewed and not merged
 * after M days, or whose review comments the author left unanswered. The lost page
 * (lib/db/lost) gives it; the series list does not compute it, and renders nothing.
 */
export function LostBadge({ lost }: { lost?: LostState | null }) {
  if (!lost) return null;
  const explanation =
    lost.reason === "no-reply"
      ? `Lost: nobody but the author has answered for ${lost.days} days`
      : lost.reason === "changes-requested"
        ? `Lost: review comments unanswered by the author for ${lost.days} days`
        : `Lost: reviewed, but not merged after ${lost.days} days`;
  return <Badge tone="orange" label="lost" explanation={explanation} />;
}
