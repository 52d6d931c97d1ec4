/**
 * Every limit the applier puts on a series, in one place. Patches come from strangers;
 * each figure is far above what a real series needs and keeps one series from holding
 * the applier (time) or the machine (memory, disk) for long.
 */

/** Patches in one series. The largest real series run to a few hundred (tree-wide cleanups); past this the series is refused. */
export const MAX_SERIES_PATCHES = 1000;

/**
 * One patch mail, as stored. Lists refuse mail over 1 to 10 MiB; a patch above this is a
 * generated blob, refused with a message instead of being handed to git.
 */
export const MAX_PATCH_BYTES = 16 * 1024 * 1024;

/** All patch mails of one series together: the mbox written to disk for `git am`. */
export const MAX_SERIES_BYTES = 128 * 1024 * 1024;

/** `git am` of one series gets this much time, plus AM_TIMEOUT_PER_PATCH_MS per patch, up to AM_TIMEOUT_MAX_MS. */
export const AM_TIMEOUT_BASE_MS = 60_000;
export const AM_TIMEOUT_PER_PATCH_MS = 2_000;
export const AM_TIMEOUT_MAX_MS = 20 * 60_000;

/** git's output kept in a result: enough for every message of a failing series; the rest is cut. */
export const MAX_LOG_CHARS = 64 * 1024;

/** Upstream commits listed for a needs-rebase result: the ones touching the conflicting files, newest first. */
export const MAX_CONFLICT_COMMITS = 20;

export function amTimeoutMs(patches: number): number {
  return Math.min(AM_TIMEOUT_MAX_MS, AM_TIMEOUT_BASE_MS + patches * AM_TIMEOUT_PER_PATCH_MS);
}

export interface SeriesSize {
  patches: number;
  largestPatchBytes: number;
  totalPatchBytes: number;
}

export interface SizeLimits {
  maxPatches: number;
  maxPatchBytes: number;
  maxSeriesBytes: number;
}

export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  maxPatches: MAX_SERIES_PATCHES,
  maxPatchBytes: MAX_PATCH_BYTES,
  maxSeriesBytes: MAX_SERIES_BYTES,
};

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Null when the series may be applied; otherwise why not, in words for the series page. */
export function checkSeriesSize(size: SeriesSize, limits: SizeLimits = DEFAULT_SIZE_LIMITS): string | null {
  if (size.patches > limits.maxPatches)
    return `the series has ${size.patches} patches; the applier takes at most ${limits.maxPatches}`;
  if (size.largestPatchBytes > limits.maxPatchBytes)
    return `a patch mail is ${formatSize(size.largestPatchBytes)}; the applier takes patches up to ${formatSize(limits.maxPatchBytes)}`;
  if (size.totalPatchBytes > limits.maxSeriesBytes)
    return `the series is ${formatSize(size.totalPatchBytes)}; the applier takes series up to ${formatSize(limits.maxSeriesBytes)}`;
  return null;
}

/** Keeps the start and the end of a long output (git's conclusion is at the end). */
export function clipLog(text: string, max: number = MAX_LOG_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 40) / 2);
  return `${text.slice(0, half)}\n[… ${text.length - 2 * half} characters cut …]\n${text.slice(-half)}`;
}
