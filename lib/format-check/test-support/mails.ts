import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Test support: the fixture mails (real LTP patches) as a contributor would send them to
 * the format-check mailbox, and copies damaged the way mail clients damage patches.
 * Every function works on raw bytes and changes only what it says.
 */
const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../__fixtures__");

export const AIO_CANCEL = ["aio-cancel-0.eml", "aio-cancel-1.eml", "aio-cancel-2.eml", "aio-cancel-3.eml"];
export const MAKEFILE_PATCH = "makefile-modules.eml";

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

interface Parts {
  headers: string[];
  body: string;
  eol: string;
}

function split(raw: Buffer): Parts {
  const text = raw.toString("latin1");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const end = text.indexOf(`${eol}${eol}`);
  const head = text.slice(0, end);
  // One entry per field, continuation lines kept with it (RFC 5322 §2.2.3 folding).
  const headers = head.split(eol).reduce<string[]>((acc, line) => {
    if (/^[ \t]/.test(line) && acc.length) acc[acc.length - 1] += `${eol}${line}`;
    else acc.push(line);
    return acc;
  }, []);
  return { headers, body: text.slice(end + 2 * eol.length), eol };
}

function join(p: Parts): Buffer {
  return Buffer.from(`${p.headers.join(p.eol)}${p.eol}${p.eol}${p.body}`, "latin1");
}

const KEEP =
  /^(from|to|date|message-id|in-reply-to|references|subject|mime-version|content-type|content-transfer-encoding|x-mailer|reply-to):/i;

/**
 * A list copy turned into the mail its author would have sent to `to`: the list's and the
 * transport's headers gone, the list's `[LTP]` subject tag and footer removed.
 */
export function sentTo(raw: Buffer, to: string): Buffer {
  const p = split(raw);
  p.headers = p.headers
    .filter((h) => KEEP.test(h))
    .map((h) => (/^to:/i.test(h) ? `To: ${to}` : h.replace(/^(subject:\s*)\[LTP\]\s*/i, "$1")));
  p.body = p.body.replace(/(\r?\n)+-- \r?\nMailing list info[\s\S]*$/, "$1");
  return join(p);
}

/** Replaces a header (or adds it). */
export function withHeader(raw: Buffer, name: string, value: string): Buffer {
  const p = split(raw);
  const re = new RegExp(`^${name}:`, "i");
  const at = p.headers.findIndex((h) => re.test(h));
  if (at >= 0) p.headers[at] = `${name}: ${value}`;
  else p.headers.push(`${name}: ${value}`);
  return join(p);
}

export function withoutHeader(raw: Buffer, name: string): Buffer {
  const p = split(raw);
  const re = new RegExp(`^${name}:`, "i");
  p.headers = p.headers.filter((h) => !re.test(h));
  return join(p);
}

export function editBody(raw: Buffer, edit: (body: string) => string): Buffer {
  const p = split(raw);
  p.body = edit(p.body);
  return join(p);
}

/** A mail client wrapping the text at `width` columns, at the last space before it (Thunderbird: 72). */
export function wrapLines(raw: Buffer, width = 72): Buffer {
  return editBody(raw, (body) =>
    body
      .split("\n")
      .flatMap((line) => {
        const out: string[] = [];
        let rest = line;
        while (rest.length > width) {
          const cut = rest.lastIndexOf(" ", width);
          if (cut <= 0) break;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut + 1);
        }
        return [...out, rest];
      })
      .join("\n"),
  );
}

/** A mail client expanding tabs to the next multiple of 8 columns. */
export function expandTabs(raw: Buffer): Buffer {
  return editBody(raw, (body) =>
    body
      .split("\n")
      .map((line) => {
        let col = 0;
        let out = "";
        for (const ch of line) {
          if (ch === "\t") {
            const n = 8 - (col % 8);
            out += " ".repeat(n);
            col += n;
          } else {
            out += ch;
            col++;
          }
        }
        return out;
      })
      .join("\n"),
  );
}

/** An editor that wrote the new lines with CRLF line ends. */
export function crOnAddedLines(raw: Buffer): Buffer {
  return editBody(raw, (body) =>
    body.replace(/^(\+(?!\+\+ ).*?)(\r?)$/gm, (_, line: string, cr: string) => `${line}\r${cr}`),
  );
}

/** The whole body quoted-printable encoded (RFC 2045 §6.7) but labelled 7bit: the escapes stay in the text. */
export function quotedPrintableLeftIn(raw: Buffer): Buffer {
  return editBody(raw, (body) =>
    body
      .split("\n")
      .flatMap((line) => {
        const encoded = line.replace(/=/g, "=3D").replace(/[ \t]$/, (c) => (c === " " ? "=20" : "=09"));
        const out: string[] = [];
        let rest = encoded;
        while (rest.length > 76) {
          out.push(`${rest.slice(0, 75)}=`);
          rest = rest.slice(75);
        }
        return [...out, rest];
      })
      .join("\n"),
  );
}

/** Declares format=flowed without encoding the text for it: diff lines that end with a space get joined. */
export function declaredFlowed(raw: Buffer): Buffer {
  return withHeader(raw, "Content-Type", 'text/plain; charset="us-ascii"; format=flowed');
}

/** Removes the Signed-off-by lines of the commit message. */
export function withoutSignoff(raw: Buffer): Buffer {
  return editBody(raw, (body) => body.replace(/^Signed-off-by:.*\r?\n/gm, ""));
}

/** The From header a DMARC-protecting list writes, the author moved to Reply-To. */
export function dmarcMunged(raw: Buffer, list: string): Buffer {
  const from = split(raw)
    .headers.find((h) => /^from:/i.test(h))!
    .replace(/^from:\s*/i, "");
  const name = from.replace(/\s*<.*$/, "").replace(/"/g, "");
  return withHeader(withHeader(raw, "From", `"${name} via ltp" <${list}>`), "Reply-To", from);
}
