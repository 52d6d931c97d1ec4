/**
 * Limits for reading message sources, in one place. They bound memory, not mail
 * validity (lib/mail has its own limits for parsing).
 *
 * A message is held whole in memory once read, so one is capped: 64 MiB is far above any
 * list's cap (vger.kernel.org refuses mail over 10 MiB; mailman's default is 40 KiB) and
 * far below what would hurt a server. The same figure bounds blobs read from
 * public-inbox (CAT_FILE_MAX_OBJECT_BYTES in lib/git/limits.ts).
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
