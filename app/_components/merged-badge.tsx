import { exactTime } from "@/lib/ui/relative-time";

import { Badge } from "./badge";

/** The series' patches are on the project's upstream branch. */
export function MergedBadge({ mergedAt }: { mergedAt: Date | null }) {
  if (!mergedAt) return null;
  return (
    <Badge
      tone="violet"
      label="merged"
      explanation={`Merged: its patches reached the upstream branch (seen ${exactTime(mergedAt)})`}
    />
  );
}
