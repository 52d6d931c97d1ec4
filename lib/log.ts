import pino, { type Logger } from "pino";

/**
 * Structured logs: one JSON line per event, with the component that wrote it. Workers
 * log state changes (connected, caught up, failed), not every message.
 */
export type Log = Logger;

export function createLog(level: string, destination?: pino.DestinationStream): Log {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

export const silentLog: Log = pino({ level: "silent" });
