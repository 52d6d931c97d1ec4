/** What `patchwatch import` and `patchwatch reprocess` print at the end. */
export interface ImportSummary {
  read: number;
  newRaw: number;
  sameBytes: number;
  stored: number;
  duplicateMsgids: number;
  failed: number;
  patches: number;
  unrouted: number;
  series: number;
  completeSeries: number;
  elapsedMs: number;
}

export function emptySummary(): ImportSummary {
  return {
    read: 0,
    newRaw: 0,
    sameBytes: 0,
    stored: 0,
    duplicateMsgids: 0,
    failed: 0,
    patches: 0,
    unrouted: 0,
    series: 0,
    completeSeries: 0,
    elapsedMs: 0,
  };
}
