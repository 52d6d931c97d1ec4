import { describe, expect, it } from "vitest";

import { composePing, type PingInput } from "./ping";

const input = (over: Partial<PingInput> = {}): PingInput => ({
  reason: "no-reply",
  subject: "[LTP] [PATCH v2 0/3] Rewrite aio_cancel_2-1",
  title: "Rewrite aio_cancel_2-1",
  version: 2,
  total: 3,
  inReplyTo: "20260203125029.15413-1-mdoucha@suse.cz",
  author: { name: "Martin Doucha", email: "mdoucha@suse.cz" },
  posted: new Date("2026-02-03T12:50:23Z"),
  days: 21,
  waitsFor: "a first review",
  to: ["chrubis@suse.cz", "pvorel@suse.cz"],
  lists: ["ltp@lists.linux.it"],
  ...over,
});

/** Decodes the URL the way a mail client does (RFC 6068). */
function parse(mailto: string) {
  const u = new URL(mailto);
  return {
    to: decodeURIComponent(u.pathname).split(","),
    keys: [...u.searchParams.keys()],
    cc: u.searchParams.get("cc"),
    subject: u.searchParams.get("subject"),
    inReplyTo: u.searchParams.get("in-reply-to"),
    body: u.searchParams.get("body"),
  };
}

describe("composePing", () => {
  it("replies to the cover: To the people to ping, Cc the author and the list, subject Re:, a polite text", () => {
    const ping = composePing(input());
    expect(ping).toMatchObject({
      to: ["chrubis@suse.cz", "pvorel@suse.cz"],
      cc: ["mdoucha@suse.cz", "ltp@lists.linux.it"],
      subject: "Re: [LTP] [PATCH v2 0/3] Rewrite aio_cancel_2-1",
      inReplyTo: "20260203125029.15413-1-mdoucha@suse.cz",
    });
    expect(ping.body).toBe(
      [
        "Hello,",
        "",
        'The series "Rewrite aio_cancel_2-1" (v2, 3 patches), sent by Martin Doucha on 2026-02-03, has had no answer for 21 days.',
        "Could someone have a look when time allows, or say who else should?",
        "",
        "Thanks!",
      ].join("\n"),
    );
    expect(
      ping.mailto.startsWith(
        "mailto:chrubis@suse.cz,pvorel@suse.cz?cc=mdoucha@suse.cz,ltp@lists.linux.it&subject=Re%3A%20%5BLTP%5D",
      ),
    ).toBe(true);
    const m = parse(ping.mailto);
    expect(m).toMatchObject({
      subject: ping.subject,
      inReplyTo: `<${ping.inReplyTo}>`,
      cc: "mdoucha@suse.cz,ltp@lists.linux.it",
    });
    expect(m.body).toBe(ping.body.replace(/\n/g, "\r\n"));
    expect(ping.mailto).toContain("%0D%0A");
  });

  it("with nobody to name, the lists are the To; the author is never pinged about their own series", () => {
    const ping = composePing(input({ to: ["MDoucha@suse.cz"] }));
    expect([ping.to, ping.cc]).toEqual([["ltp@lists.linux.it"], ["mdoucha@suse.cz"]]);
  });

  it("a request for changes goes to the author, Cc the reviewer who asked", () => {
    const ping = composePing(
      input({
        reason: "changes-requested",
        requestedBy: {
          name: "Cyril Hrubis",
          email: "chrubis@suse.cz",
          date: new Date("2026-02-05T00:00:00Z"),
        },
      }),
    );
    expect([ping.to, ping.cc]).toEqual([
      ["mdoucha@suse.cz"],
      ["chrubis@suse.cz", "pvorel@suse.cz", "ltp@lists.linux.it"],
    ]);
    expect(ping.body).toContain("Hello Martin Doucha,");
    expect(ping.body).toContain("Cyril Hrubis commented on the series");
  });

  it("a hostile subject, name and addresses stay inert: no new header, no extra recipient, no extra field", () => {
    const ping = composePing(
      input({
        subject: "[PATCH] x\r\nBcc: victim@evil.example&bcc=victim@evil.example?body=owned",
        title: "x\r\nBcc: victim@evil.example",
        author: { name: "Evil\r\nBcc: a@b.c", email: "evil@example.org" },
        to: ["a@b.c?bcc=victim@evil.example", "x@y.z,victim@evil.example", "ok@example.org"],
        inReplyTo: "id>\r\nBcc: v@evil.example",
      }),
    );
    expect(ping.to).toEqual(["ok@example.org"]);
    expect(ping.subject).not.toMatch(/[\r\n]/);
    const m = parse(ping.mailto);
    expect(m.keys).toEqual(["cc", "subject", "in-reply-to", "body"]);
    expect(m.to).toEqual(["ok@example.org"]);
    expect(m.cc).toBe("evil@example.org,ltp@lists.linux.it");
    expect(m.subject).toBe("Re: [PATCH] x Bcc: victim@evil.example&bcc=victim@evil.example?body=owned");
    expect(m.inReplyTo).not.toMatch(/[\r\n]/);
    expect(m.body).not.toContain("\r\nBcc:");
  });
});
