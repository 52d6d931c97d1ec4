import { setTimeout as sleep } from "node:timers/promises";

import { ImapFlow, type ImapFlowOptions } from "imapflow";

import type { ImapSource } from "../config/secrets";
import type { Log } from "../log";
import type { FetchedMessage, MailboxStore } from "./types";

/**
 * Reads one IMAP mailbox forever: on each connection it catches up on every message
 * above the stored position (UID SEARCH, then FETCH in batches), then waits for the
 * server to announce new mail (IDLE, which imapflow enters by itself when no command
 * runs; imapflow polls with NOOP where the server has no IDLE). A timer checks every
 * `pollSeconds` as well, so an announcement lost on the way costs a delay, not a
 * message. A dropped connection, a server restart or a timeout ends the session; the
 * next one starts after an exponential backoff. The mailbox is opened read-only unless
 * `markSeen` asks for \Seen flags; nothing is ever deleted or moved.
 */
export interface MailboxReaderOptions {
  source: ImapSource;
  store: MailboxStore;
  /** Called after each committed batch: the processing stage has work. */
  onStored: (count: number) => void | Promise<void>;
  log: Log;
  /** Messages per FETCH (and per database commit). */
  batchSize?: number;
  /** Backoff after a failed or dropped connection: first and longest wait. */
  backoffMs?: { initial: number; max: number };
  heartbeatMs?: number;
  /** Extra imapflow options (timeouts, TLS details). */
  client?: Partial<ImapFlowOptions>;
}

type ReaderState = "connecting" | "connected" | "disconnected";

export class MailboxReader {
  private state: ReaderState | null = null;
  private lastError: string | null = null;
  private readonly log: Log;
  private readonly batchSize: number;

  constructor(private readonly options: MailboxReaderOptions) {
    this.log = options.log.child({ source: options.source.key });
    this.batchSize = options.batchSize ?? 200;
  }

  /** Runs until `signal` aborts; a batch being stored is finished first. */
  async run(signal: AbortSignal): Promise<void> {
    const backoff = this.options.backoffMs ?? { initial: 1000, max: 60_000 };
    let failures = 0;
    while (!signal.aborted) {
      const caughtUp = await this.session(signal).then(
        (ok) => ok,
        (error: unknown) => {
          this.changeState("disconnected", describe(error));
          return false;
        },
      );
      if (signal.aborted) break;
      failures = caughtUp ? 0 : failures + 1;
      // Full jitter: many workers reconnecting after one server restart do not stampede.
      const ceiling = Math.min(backoff.max, backoff.initial * 2 ** Math.min(failures, 16));
      await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, undefined, { signal }).catch(() => undefined);
    }
    await this.options.store.status({ connected: false }).catch(() => undefined);
  }

  /** One connection, from login to its end. Resolves true when it got as far as reading. */
  private async session(signal: AbortSignal): Promise<boolean> {
    const { source, store } = this.options;
    const client = new ImapFlow({
      host: source.host,
      port: source.port,
      secure: source.tls,
      auth: source.auth,
      logger: false,
      // A dead connection must be noticed: the socket timeout ends a silent one.
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 10 * 60_000,
      ...this.options.client,
    });
    let closed = false;
    // Wake-ups (new mail announced, connection closed, shutdown) that arrive while the
    // reader is busy are kept, so the next wait returns at once.
    let woken = false;
    let wake: () => void = () => void (woken = true);
    /** Resolves "news" on a wake-up, "timer" when `ms` passed without one. */
    const waitForNews = (ms: number) =>
      new Promise<"news" | "timer">((resolve) => {
        if (woken) return resolve("news");
        const done = (why: "news" | "timer") => {
          clearTimeout(timer);
          wake = () => void (woken = true);
          resolve(why);
        };
        const timer = setTimeout(() => done("timer"), ms);
        wake = () => done("news");
      });
    client.on("error", (error: Error) => {
      this.lastError = describe(error);
    });
    client.on("close", () => {
      closed = true;
      wake();
    });
    client.on("exists", () => wake());
    const onAbort = () => wake();
    signal.addEventListener("abort", onAbort);

    this.changeState("connecting");
    let reading = false;
    try {
      await client.connect();
      const mailbox = await client.mailboxOpen(source.mailbox, { readOnly: !source.markSeen });
      const uidValidity = mailbox.uidValidity;
      const position = await store.begin(uidValidity);
      if (position.reset)
        this.log.warn({ uidValidity: String(uidValidity) }, "UIDVALIDITY changed: reading the mailbox again");
      let lastUid = position.lastUid;
      this.changeState("connected");
      await store.status({ connected: true, error: null });
      reading = true;

      const heartbeat = setInterval(
        () => void store.status({ connected: true }).catch(() => undefined),
        this.options.heartbeatMs ?? 15_000,
      );
      try {
        let recheck = false;
        while (!closed && !signal.aborted) {
          woken = false;
          try {
            if (recheck) await this.recheckMailbox(client, uidValidity);
            lastUid = await this.catchUp(client, uidValidity, lastUid, signal);
          } catch (error) {
            if (!(error instanceof UidValidityChanged)) throw error;
            // Reconnecting selects the new mailbox and restarts from its first UID.
            this.log.warn(
              { was: String(error.was), now: String(error.now) },
              "UIDVALIDITY changed under the open mailbox",
            );
            return true;
          }
          if (closed || signal.aborted) break;
          // IDLE now rather than after imapflow's 15 s of quiet, or new mail would wait
          // that long to be announced. The next command ends it.
          void client.idle().catch(() => undefined);
          recheck = (await waitForNews(source.pollSeconds * 1000)) === "timer";
        }
      } finally {
        clearInterval(heartbeat);
      }
      if (closed && !signal.aborted)
        this.changeState("disconnected", this.lastError ?? "the server closed the connection");
      return reading;
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (!closed) await client.logout().catch(() => client.close());
      await store
        .status({ connected: false, ...(this.lastError ? { error: this.lastError } : {}) })
        .catch(() => undefined);
    }
  }

  /**
   * A mailbox deleted and created again under an open session (a restore, a migration)
   * is not always announced to it, and STATUS may answer from the session's stale view:
   * on each quiet poll, SELECT it again and compare UIDVALIDITY.
   */
  private async recheckMailbox(client: ImapFlow, uidValidity: bigint): Promise<void> {
    const { source } = this.options;
    const mailbox = await client.mailboxOpen(source.mailbox, { readOnly: !source.markSeen });
    if (mailbox.uidValidity !== uidValidity) throw new UidValidityChanged(uidValidity, mailbox.uidValidity);
  }

  /** Stores every message above `lastUid`, a batch at a time; returns the new position. */
  private async catchUp(
    client: ImapFlow,
    uidValidity: bigint,
    lastUid: number,
    signal: AbortSignal,
  ): Promise<number> {
    const { store, source } = this.options;
    // Servers report new messages to a session between commands (Dovecot holds them
    // back during SEARCH): a NOOP first brings the session's view up to date.
    await client.noop();
    // `N:*` always includes the highest UID, even below N (RFC 3501 §6.4.8): filter.
    const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((u) => u > lastUid).sort((a, b) => a - b);
    if (uids.length) this.log.debug({ after: lastUid, messages: uids.length }, "new messages");
    await store.status({ backlog: uids.length });
    for (let start = 0; start < uids.length && !signal.aborted; start += this.batchSize) {
      const chunk = uids.slice(start, start + this.batchSize);
      const fetched = await client.fetchAll(chunk, { uid: true, source: true }, { uid: true });
      const messages: FetchedMessage[] = fetched
        .filter((m) => m.source !== undefined)
        .map((m) => ({ uid: m.uid, raw: m.source! }))
        .sort((a, b) => a.uid - b.uid);
      // A UID that vanished meanwhile (expunged) is passed over with the rest.
      const batchEnd = chunk[chunk.length - 1]!;
      await store.storeBatch(uidValidity, messages, batchEnd);
      if (source.markSeen && messages.length > 0)
        await client.messageFlagsAdd(
          messages.map((m) => m.uid),
          ["\\Seen"],
          { uid: true },
        );
      lastUid = batchEnd;
      await store.status({ backlog: uids.length - start - chunk.length });
      if (messages.length > 0) await this.options.onStored(messages.length);
    }
    return lastUid;
  }

  /** Logs a state change once, not every retry of the same failure. */
  private changeState(state: ReaderState, error?: string): void {
    if (state === this.state && (error ?? null) === this.lastLogged) return;
    this.state = state;
    this.lastLogged = error ?? null;
    if (state === "disconnected") this.log.warn({ error }, "IMAP source disconnected");
    else if (state === "connected") this.log.info("IMAP source connected");
    else this.log.debug("IMAP source connecting");
  }

  private lastLogged: string | null = null;
}

class UidValidityChanged extends Error {
  constructor(
    readonly was: bigint,
    readonly now: bigint,
  ) {
    super(`UIDVALIDITY changed from ${was} to ${now}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const extra = error as Error & { code?: string; responseText?: string };
    return [extra.code, extra.responseText ?? error.message].filter(Boolean).join(": ");
  }
  return String(error);
}
