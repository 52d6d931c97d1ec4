import { Badge } from "./badge";

/** `[RFC PATCH]`: sent for discussion, not for merging as is. */
export function RfcBadge({ isRfc }: { isRfc: boolean }) {
  if (!isRfc) return null;
  return (
    <Badge tone="amber" label="RFC" explanation="RFC: a request for comments, not meant to be merged as is" />
  );
}
