/**
 * A recurring subject ("[PULL] migration fixes", a weekly pull request) may gather
 * hundreds of series into one topic: a series page lists the versions around its own.
 */
export const SHOWN_VERSIONS = 12;

/** The slice [start, end) of `count` versions, oldest first, that a page lists around the one at `at`. */
export function versionWindow(count: number, at: number, shown = SHOWN_VERSIONS): [number, number] {
  if (count <= shown) return [0, count];
  const start = Math.min(Math.max(0, at - Math.floor(shown / 2)), count - shown);
  return [start, start + shown];
}
