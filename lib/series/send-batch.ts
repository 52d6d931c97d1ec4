/**
 * The tool run a message was sent by, read from its Message-ID:
 * - git send-email since 2.x: `<20250822040501.28640-3-wegao@suse.com>` (time.pid-N-address);
 * - older git send-email: `<1467078467-20971-1-git-send-email-famz@redhat.com>`;
 * - b4: `<20250804-file_setattr_getattr-v2-3-651e50ec59e7@suse.com>` (date-slug-vV-N-hash).
 * Messages of one run belong to one series, whatever their subjects say: on the LTP list
 * a cover letter `[PATCH v2 0/2]` went out with patches `[PATCH v3 1/2]`, `[PATCH v3 2/2]`
 * in the same git send-email run. Null for any other Message-ID.
 */
export function sendBatch(msgid: string): string | null {
  const modern = /^(\d{14}\.\d+)-\d+-(.+)$/.exec(msgid);
  if (modern) return `${modern[1]}-${modern[2]}`;
  const old = /^(\d+-\d+)-\d+-git-send-email-(.+)$/.exec(msgid);
  if (old) return `${old[1]}-${old[2]}`;
  const b4 = /^(\d{8}-.+-v\d+)-\d+-([0-9a-f]{6,}@.+)$/.exec(msgid);
  if (b4) return `${b4[1]}-${b4[2]}`;
  return null;
}

export function sameSendBatch(a: string, b: string): boolean {
  const batch = sendBatch(a);
  return batch !== null && batch === sendBatch(b);
}
