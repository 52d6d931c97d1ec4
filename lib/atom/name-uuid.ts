import { createHash } from "node:crypto";

/**
 * Name-based UUIDs (RFC 9562 §5.5, version 5): the same name always gives the same UUID,
 * so a feed entry keeps its id across servers, rebuilds and renamed hosts, as Atom asks of
 * atom:id (RFC 4287 §4.2.6).
 */
export function nameUuid(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
