import { messageStart } from "../mail/top-headers";
import { amSubject, type AmSubjectParts, encodeUnstructured, formatAddress } from "./am-headers";
import { type CollectedTrailer, trailersToAdd } from "./am-trailers";
import { editTextLeaf, type EditedLeaf } from "./edit-text-leaf";
import { fieldBytes, newField, type RawField, type RawHeader, readRawHeader } from "./raw-header";
import { findTextLeaf } from "./text-leaf";

/*
 * A series as `git am` wants it, and as b4 am writes it: one message per patch, each the
 * patch mail as received with a clean subject and the trailers collected from the thread
 * added to its commit message. What `git am` turns into the commit (author, date, the
 * message, the diff) is copied byte for byte from the stored raw mail; only the Subject
 * is rewritten, the From when the list rewrote it, and the one text part the trailers go
 * into (edit-text-leaf.ts).
 */

export interface AmPatch {
  /** The raw mail as stored. */
  raw: Buffer;
  subject: AmSubjectParts;
  /** The author as Patchwatch read it (the list's DMARC rewriting undone). */
  author: { name: string; email: string };
  trailers: readonly CollectedTrailer[];
}

export interface AmMessage {
  raw: Buffer;
  /** Trailer lines added to the commit message, in order. */
  added: string[];
  /** Why trailers that count for the patch could not be added, or null. */
  problem: string | null;
}

/** Header fields a `git am` mbox keeps, in the order written; the rest (Received, DKIM, To, Cc…) are dropped as b4 does. */
const KEPT = [
  "from",
  "date",
  "subject",
  "message-id",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
];

/** One patch of the series, ready for `git am`. */
export function amMessage(patch: AmPatch): AmMessage {
  const raw = patch.raw.subarray(messageStart(patch.raw));
  const header = readRawHeader(raw);
  const leaf = findTextLeaf(raw, header);
  const edit = leaf ? editTextLeaf(raw, leaf, (block) => trailersToAdd(patch.trailers, block)) : null;
  if (!leaf || !edit?.ok) {
    const reason = edit && !edit.ok ? edit.problem : "no text/plain part for the commit message";
    // Only a problem when there was something to add.
    const problem = trailersToAdd(patch.trailers, []).length > 0 ? reason : null;
    return { raw: rebuild(raw, header, patch, null, problem), added: [], problem };
  }
  const edited = edit.leaf;
  const out = leaf.nested
    ? rebuild(
        Buffer.concat([
          raw.subarray(0, leaf.headerStart),
          writeFields(leaf.header.fields, edited, leaf.header.eol, false),
          Buffer.from(leaf.header.eol),
          edited.body,
          raw.subarray(leaf.bodyEnd),
        ]),
        header,
        patch,
        null,
        null,
      )
    : rebuild(raw, header, patch, edited, null);
  return { raw: out, added: edited.added, problem: null };
}

/** The cover letter, with the same clean subject (`[PATCH v2 0/5] title`) and nothing added. */
export function amCover(cover: Omit<AmPatch, "trailers">): Buffer {
  const raw = cover.raw.subarray(messageStart(cover.raw));
  return rebuild(raw, readRawHeader(raw), { ...cover, trailers: [] }, null, null);
}

/**
 * The message with its header reduced to KEPT and rewritten; `raw` is the whole message
 * (with a nested leaf already edited in), or the original when `top` carries the
 * single-part body's edit.
 */
function rebuild(
  raw: Buffer,
  header: RawHeader,
  patch: Omit<AmPatch, "raw">,
  top: EditedLeaf | null,
  problem: string | null,
): Buffer {
  const { eol } = header;
  const fields = new Map<string, RawField>();
  for (const f of header.fields) if (KEPT.includes(f.name) && !fields.has(f.name)) fields.set(f.name, f);
  fields.set("subject", newField("Subject", encodeUnstructured(amSubject(patch.subject), eol), eol));
  const from = fields.get("from");
  const author = formatAddress(patch.author, eol);
  // The list rewrote From ("Jane via ltp <ltp@…>"): git am would credit the list.
  if (author && (!from || !from.value.toLowerCase().includes(patch.author.email.toLowerCase()))) {
    fields.set("from", newField("From", author, eol));
  }
  const ordered = KEPT.flatMap((name) => fields.get(name) ?? []);
  const headerBytes = writeFields(ordered, top, eol, true);
  const warning = problem
    ? fieldBytes(
        newField("X-Patchwatch-Warning", `trailers not added: ${problem}`.replace(/[^\x20-\x7e]/g, "?"), eol),
        eol,
      )
    : Buffer.alloc(0);
  const body = top ? top.body : raw.subarray(header.bodyStart);
  return Buffer.concat([headerBytes, warning, Buffer.from(eol), body]);
}

/** Fields as bytes, with Content-Type / Content-Transfer-Encoding replaced by the edit's values. */
function writeFields(
  fields: readonly RawField[],
  edit: EditedLeaf | null,
  eol: string,
  top: boolean,
): Buffer {
  const out = fields.map((f) => {
    if (f.name === "content-type" && edit?.contentType)
      return newField("Content-Type", edit.contentType, eol);
    if (f.name === "content-transfer-encoding" && edit?.transferEncoding) {
      return newField("Content-Transfer-Encoding", edit.transferEncoding, eol);
    }
    return f;
  });
  const has = (name: string) => out.some((f) => f.name === name);
  if (edit?.contentType && !has("content-type")) {
    if (top && !has("mime-version")) out.push(newField("MIME-Version", "1.0", eol));
    out.push(newField("Content-Type", edit.contentType, eol));
  }
  if (edit?.transferEncoding && !has("content-transfer-encoding")) {
    out.push(newField("Content-Transfer-Encoding", edit.transferEncoding, eol));
  }
  return Buffer.concat(out.map((f) => fieldBytes(f, eol)));
}
