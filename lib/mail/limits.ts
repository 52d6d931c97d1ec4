/*
 * Every limit lib/mail applies to hostile input, in one place. Mail comes from strangers;
 * each figure is far above what a real list post needs and far below what would let one
 * message stall or exhaust a parser shared by every list.
 */

/** Raw message size. vger.kernel.org refuses mail over 10 MiB and mailman's default cap is 40 KiB; 32 MiB leaves room for big series archives re-imported from lore, and anything larger is refused as `too-large`. */
export const MAX_RAW_BYTES = 32 * 1024 * 1024;

/** Header fields in the top-level header. Real posts carry 20–80 (long Received chains included); thousands only come from loops or attacks (`too-many-headers`). */
export const MAX_HEADER_FIELDS = 1000;

/** One physical header line. RFC 5322 §2.1.1 says 998; broken clients write longer References, so we allow 64 KiB before `header-too-long`. */
export const MAX_HEADER_LINE_BYTES = 64 * 1024;

/** All header bytes of one MIME node (passed to the MIME splitter). 1 MiB is mailsplit's own default; keeping it explicit documents it. */
export const MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

/** Nesting of multipart parts. PGP/MIME with protected headers needs 3 (patchew 0016); 20 is generous; deeper trees are built to hurt (`mime-too-deep`). */
export const MAX_MIME_DEPTH = 20;

/** MIME parts in one message. A patch with attachments has a handful; 500 is already absurd (`too-many-parts`). */
export const MAX_MIME_PARTS = 500;

/** Characters of body text kept in `Mail.body`. The diff is extracted before this cut; bodies beyond 2 MiB are truncated with a warning so that search and storage stay bounded. */
export const MAX_BODY_TEXT_CHARS = 2 * 1024 * 1024;

/** HTML converted to text when a mail has no text part; bigger HTML is cut first, so the tag stripper's work stays bounded. */
export const MAX_HTML_CHARS = 4 * 1024 * 1024;

/** Addresses kept per To/Cc header: kernel posts Cc 50 at most; a mail to 10,000 people is spam and would bloat every row that stores them. */
export const MAX_ADDRESSES_PER_HEADER = 1000;

/** Subject characters kept. format-patch subjects are under 100; a 64 KiB subject is an attack on every page that shows it. */
export const MAX_SUBJECT_CHARS = 4096;
