import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

/** One message the sink accepted: its SMTP envelope and its bytes. */
export interface SunkMail {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: SunkMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server (the smtp-server package) on a free local port, keeping what it is
 * sent. Recipients at `rejectDomain` are refused with 550, like a server that bounces.
 */
export async function startSmtpSink(options: { rejectDomain?: string } = {}): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectDomain && address.address.toLowerCase().endsWith(`@${options.rejectDomain}`)) {
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
