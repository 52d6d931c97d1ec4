/**
 * What the mailbox reader needs from storage, so lib/imap knows IMAP and nothing of the
 * database (lib/db/imap/mailbox-store.ts implements it).
 */
export interface FetchedMessage {
  uid: number;
  raw: Buffer;
}

export interface MailboxStore {
  /**
   * Called on every (re)connection with the mailbox's UIDVALIDITY. Returns the last UID
   * already stored; when UIDVALIDITY changed, UIDs mean nothing any more: the position
   * restarts at 0 and `reset` says so (messages already stored are recognised again by
   * their bytes or Message-ID, so nothing is stored twice).
   */
  begin(uidValidity: bigint): Promise<{ lastUid: number; reset: boolean }>;
  /** Commits the raw messages, then moves the position past them. */
  storeBatch(uidValidity: bigint, messages: FetchedMessage[], lastUid: number): Promise<void>;
  /** Status for `patchwatch status` and /api/health; also the worker's heartbeat. */
  status(update: { connected?: boolean; backlog?: number; error?: string | null }): Promise<void>;
}
