import { parsePerson } from "./addresses";
import { classifyMail } from "./classify";
import { dateOf, isAutoSubmitted, listIdOf, messageIdOf, subjectOf, threading } from "./header-facts";
import { parseHints } from "./hints";
import { MAX_BODY_TEXT_CHARS, MAX_MIME_DEPTH, MAX_RAW_BYTES } from "./limits";
import { mailBody } from "./mail-body";
import { patchContent } from "./patch-content";
import { parsePullRequest } from "./pull-request";
import { MimeLimitError, readMime } from "./read-mime";
import { parseSubject } from "./subject";
import { firstField, readTopHeaders } from "./top-headers";
import { parseTrailers } from "./trailers";
import type { Mail, ParseResult } from "./types";
import { unmungeFrom } from "./unmunge-from";

/*
 * Raw bytes to Mail. Decides nothing about series or projects; never throws: limits give
 * their ParseError, anything unexpected gives `unparseable` with the cause.
 */

export interface ParseOptions {
  /** Override MAX_RAW_BYTES (lower it for a tighter importer). */
  maxRawBytes?: number;
}

async function parse(raw: Buffer, options: ParseOptions): Promise<ParseResult> {
  const maxRaw = options.maxRawBytes ?? MAX_RAW_BYTES;
  if (raw.length > maxRaw)
    return { ok: false, error: "too-large", detail: `${raw.length} bytes (limit ${maxRaw})` };
  const top = readTopHeaders(raw);
  if (!top.ok) return top;
  const warnings: string[] = [];

  const { messageId, synthesized } = messageIdOf(raw, top.fields, warnings);

  const mime = await readMime(raw);
  const depth = Math.max(0, ...mime.parts.map((part) => part.depth));
  if (depth > MAX_MIME_DEPTH)
    return {
      ok: false,
      error: "mime-too-deep",
      detail: `MIME parts nest ${depth} deep (limit ${MAX_MIME_DEPTH})`,
    };

  const date = dateOf(top.fields, warnings);
  const subject = subjectOf(mime.subject, top.fields, warnings);
  const parsedSubject = parseSubject(subject);
  const { inReplyTo, references } = threading(top.fields, messageId);

  const content = mailBody(mime.parts);
  warnings.push(...content.warnings);
  const extracted = patchContent(content.sources);
  const patch = extracted?.patch ?? null;
  const pullRequest = parsePullRequest(content.body);
  const { kind, kindReason } = classifyMail({
    subject: parsedSubject,
    hasDiff: patch !== null,
    hasPullRequest: pullRequest !== null,
    answersAnother: inReplyTo !== null || references.length > 0,
  });
  const ownPatch = kind === "patch" || kind === "pull" ? patch : null;
  if (ownPatch) warnings.push(...extracted!.warnings);

  const body =
    content.body.length > MAX_BODY_TEXT_CHARS ? content.body.slice(0, MAX_BODY_TEXT_CHARS) : content.body;
  if (body !== content.body) warnings.push(`body cut to ${MAX_BODY_TEXT_CHARS} characters`);

  const author = unmungeFrom(
    mime.from,
    mime.replyTo,
    mime.originalFrom ? parsePerson(mime.originalFrom) : null,
  );
  if (author.note) warnings.push(author.note);

  const mail: Mail = {
    messageId,
    messageIdSynthesized: synthesized,
    subject,
    parsedSubject,
    from: author.from,
    to: mime.to,
    cc: mime.cc,
    date,
    inReplyTo,
    references,
    listId: listIdOf(firstField(top.fields, "list-id")),
    autoSubmitted: isAutoSubmitted(top.fields),
    body,
    patch: ownPatch,
    pullRequest: kind === "pull" || kind === "cover" ? pullRequest : null,
    // A patch's trailers are those of its commit message; notes below `---` are not.
    trailers: parseTrailers(ownPatch && kind === "patch" ? ownPatch.commitMessage : content.body),
    hints: parseHints(content.body),
    kind,
    kindReason,
    warnings,
  };
  return { ok: true, mail };
}

/** Parse one raw message (without or with a leading mbox `From ` line). Never throws. */
export async function parseMessage(raw: Buffer, options: ParseOptions = {}): Promise<ParseResult> {
  try {
    return await parse(raw, options);
  } catch (error) {
    if (error instanceof MimeLimitError) return { ok: false, error: error.code, detail: error.message };
    return {
      ok: false,
      error: "unparseable",
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
