import { MAX_MESSAGE_BYTES } from "./limits";
import { MessageSourceError } from "./source-error";

export interface SourceMessage {
  raw: Buffer;
  /** Where the message came from, for error reports: `file.mbox#12`, `maildir:cur/…`, `ltp/git/0.git@<commit>`. */
  origin: string;
}

export interface MessageSourceOptions {
  /** Messages larger than this are not read (default MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number | undefined;
  /**
   * Told of each message left out (too large), so one odd message does not stop an
   * import. Without it, such a message throws MessageSourceError `message-too-large`:
   * nothing is dropped silently.
   */
  onSkip?: ((origin: string, reason: string) => void) | undefined;
}

export function maxMessageBytes(options: MessageSourceOptions): number {
  return options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
}

/** Reports a message over the size limit to `onSkip`, or throws when there is no one to tell. */
export function skipOversized(
  options: MessageSourceOptions,
  source: string,
  origin: string,
  bytes: number,
): void {
  const reason = `${bytes} bytes, over the ${maxMessageBytes(options)}-byte limit for one message`;
  if (!options.onSkip) throw new MessageSourceError("message-too-large", source, `${origin}: ${reason}`);
  options.onSkip(origin, reason);
}

/** An onSkip that always exists: the caller's, or one that throws `message-too-large`. */
export function skipReporter(
  options: MessageSourceOptions,
  source: string,
): (origin: string, reason: string) => void {
  return (origin, reason) => {
    if (!options.onSkip) throw new MessageSourceError("message-too-large", source, `${origin}: ${reason}`);
    options.onSkip(origin, reason);
  };
}
