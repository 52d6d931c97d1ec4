import { Badge } from "./badge";

/** `[PULL]` / `[GIT PULL]`: a maintainer asks for a branch to be pulled. */
export function PullBadge({ isPull }: { isPull: boolean }) {
  if (!isPull) return null;
  return (
    <Badge tone="blue" label="PULL" explanation="Pull request: a maintainer asks for a branch to be pulled" />
  );
}
