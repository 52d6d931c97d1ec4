import { Badge } from "./badge";

/** Some of the N patches never reached the list (or have not yet). */
export function IncompleteBadge({
  complete,
  received,
  total,
}: {
  complete: boolean;
  received: number;
  total: number;
}) {
  if (complete) return null;
  return (
    <Badge
      tone="orange"
      label="incomplete"
      explanation={`Incomplete: ${received} of ${total} patches received`}
    />
  );
}
