import type { TrailerOriginName } from "./trailer-origin-name";

/*
 * Words for what series assembly recorded. Reasons name the series by its head
 * Message-ID ("reply to patch 2/5 of series <id>"); on that series' own page it reads
 * better as "this series".
 */

export function reasonHere(reason: string | null, headMsgid: string): string | null {
  if (reason === null) return null;
  return reason.replaceAll(`series ${headMsgid}`, "this series").replaceAll(headMsgid, "this series");
}

/** Where a trailer on a patch came from, in a few words. */
export function trailerOrigin(origin: TrailerOriginName, carriedFromVersion: number | null): string {
  switch (origin) {
    case "in_patch":
      return "in patch";
    case "reply_to_patch":
      return "from reply";
    case "reply_to_cover":
      return "from cover reply";
    case "range_reply":
      return "from reply for several patches";
    case "carried":
      return carriedFromVersion === null
        ? "carried from an older version"
        : `carried from v${carriedFromVersion}`;
  }
}
