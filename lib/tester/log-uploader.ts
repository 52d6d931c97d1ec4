import { TesterApiError } from "../client/tester-client";
import { LOG_CHUNK_BYTES, LOG_FLUSH_MS } from "./limits";
import { retrying, RetryStopped } from "./retry";

export interface LogUploaderOptions {
  /** One POST of the log endpoint. */
  send: (bytes: Buffer) => Promise<void>;
  /** The server says the job is no longer ours: the run should stop. */
  onLeaseLost: (error: TesterApiError) => void;
  /** Stops waiting for an unreachable server. */
  signal: AbortSignal;
  say: (line: string) => void;
  chunkBytes?: number;
  flushMs?: number;
}

/**
 * Streams a running test's output to the server: what is written is sent when a chunk's
 * worth has gathered or a second after the first unsent byte, one request at a time, in
 * order. While the server is unreachable output gathers (the runner caps it) and is sent
 * when it answers again.
 */
export class LogUploader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | null = null;
  private lost = false;
  private readonly chunkBytes: number;
  private readonly flushMs: number;

  constructor(private readonly options: LogUploaderOptions) {
    this.chunkBytes = options.chunkBytes ?? LOG_CHUNK_BYTES;
    this.flushMs = options.flushMs ?? LOG_FLUSH_MS;
  }

  write(chunk: Buffer): void {
    if (this.lost || chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.chunkBytes) this.kick();
    else this.timer ??= setTimeout(() => this.kick(), this.flushMs);
  }

  /** Sends everything written so far; resolves when the server has it (or the job is lost). */
  async flush(): Promise<void> {
    while (!this.lost && !this.options.signal.aborted && (this.pendingBytes > 0 || this.sending)) {
      this.kick();
      await this.sending;
    }
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sending ??= this.drain().finally(() => {
      this.sending = null;
    });
  }

  private async drain(): Promise<void> {
    while (!this.lost && this.pendingBytes > 0) {
      const chunk = this.take();
      try {
        await retrying(() => this.options.send(chunk), {
          signal: this.options.signal,
          say: this.options.say,
        });
      } catch (error) {
        if (error instanceof RetryStopped) return;
        if (error instanceof TesterApiError && error.kind === "lease-lost") {
          this.lost = true;
          this.options.onLeaseLost(error);
          return;
        }
        // The server refused this part of the log: the rest is still worth sending.
        this.options.say(`log upload refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** Up to chunkBytes of what is pending, as one buffer. */
  private take(): Buffer {
    const parts: Buffer[] = [];
    let size = 0;
    while (this.pending.length > 0 && size < this.chunkBytes) {
      const first = this.pending[0]!;
      const part = first.subarray(0, this.chunkBytes - size);
      parts.push(part);
      size += part.length;
      if (part.length === first.length) this.pending.shift();
      else this.pending[0] = first.subarray(part.length);
    }
    this.pendingBytes -= size;
    return Buffer.concat(parts, size);
  }
}
