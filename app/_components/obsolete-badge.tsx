import { seriesHref } from "@/lib/routes";

import { Badge } from "./badge";

/** A newer revision supersedes the series; the badge leads to it. */
export function ObsoleteBadge({
  project,
  obsoletedBy,
  obsoletedByVersion,
}: {
  project: string;
  obsoletedBy: string | null;
  obsoletedByVersion: number | null;
}) {
  if (!obsoletedBy) return null;
  const newer = obsoletedByVersion === null ? "a newer revision" : `v${obsoletedByVersion}`;
  return (
    <Badge
      tone="zinc"
      label={obsoletedByVersion === null ? "obsolete" : `obsolete → v${obsoletedByVersion}`}
      explanation={`Obsolete: superseded by ${newer} of this series (open it)`}
      href={seriesHref(project, obsoletedBy)}
    />
  );
}
