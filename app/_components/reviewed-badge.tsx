import { Badge } from "./badge";

const RULE = "a Reviewed-by or Acked-by from someone other than the author";

/** Full when every patch is reviewed; "2/5 reviewed" while only some are; nothing before. */
export function ReviewedBadge({
  reviewed,
  reviewedPatches,
  total,
}: {
  reviewed: boolean;
  reviewedPatches: number;
  total: number;
}) {
  if (reviewed) {
    return <Badge tone="green" label="reviewed" explanation={`Reviewed: every patch has ${RULE}`} />;
  }
  if (reviewedPatches === 0) return null;
  return (
    <Badge
      tone="outline"
      label={`${reviewedPatches}/${total} reviewed`}
      explanation={`Partly reviewed: ${reviewedPatches} of ${total} patches have ${RULE}`}
    />
  );
}
