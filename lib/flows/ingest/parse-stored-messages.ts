/**
 * Reacts to "message stored" (raw bytes committed, by an import or an IMAP reader); the
 * messages it returns, once written with writeParsed, are "message parsed".
 */
import type { ProjectConfig } from "../../config/projects-file";
import type { ParsedRaw } from "../../db/ingest/write-parsed";
import type { ParseResult } from "../../mail/types";
import { routeOrExplain } from "../../projects/route";
import { hintMsgids } from "../../series/closure";
import type { Parser } from "./parse-pool";

/** A raw message already committed, still to be parsed. */
export interface StoredMessage {
  rawId: bigint;
  raw: Buffer;
  /** The project an import named (`--project`), which takes it without an address match. */
  importedInto: string | null | undefined;
}

/**
 * What the bulk import and the processing of pending messages both do with stored raw
 * messages: parse them on the parser's threads, route each to its projects, and name
 * the Message-IDs its hints point at, ready for writeParsed.
 */
export async function parseStoredMessages(
  parser: Parser,
  projects: ProjectConfig[],
  stored: readonly StoredMessage[],
): Promise<ParsedRaw[]> {
  const results = await parser.parse(stored.map((s) => s.raw));
  return stored.map((s, i) => toParsedRaw(s.rawId, results[i]!, projects, s.importedInto));
}

/** One parse result, routed: a failed parse goes nowhere and keeps its error. */
export function toParsedRaw(
  rawId: bigint,
  result: ParseResult,
  projects: ProjectConfig[],
  importedInto: string | undefined | null,
): ParsedRaw {
  if (!result.ok) return { rawId, result, routes: [], unroutedReason: null, hintMsgids: [] };
  const { routes, unroutedReason } = routeOrExplain(result.mail, projects, importedInto ?? undefined);
  return { rawId, result, routes, unroutedReason, hintMsgids: hintMsgids(result.mail.hints) };
}
