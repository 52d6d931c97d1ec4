import { normalizeMessageId } from "./message-id";

/*
 * Archive links that carry a Message-ID in their path:
 *   https://lore.kernel.org/r/ID            https://lore.kernel.org/qemu-devel/ID/T/#u
 *   https://patch.msgid.link/ID             https://patchew.org/QEMU/ID/
 *   https://lkml.kernel.org/r/ID            https://inbox.dpdk.org/dev/ID/
 * public-inbox percent-encodes the id (`%40` for `@`, `%2F` for `/`), so each path segment
 * is decoded on its own. The segment holding an `@` is the id. Archive URLs that carry no
 * id (mailman's `msg00001.html`) give null.
 */
export function messageIdFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/[>.,;)]+$/, ""));
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  const candidates = parsed.pathname.split("/");
  for (const value of parsed.searchParams.values()) candidates.push(value);
  for (const segment of candidates) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue;
    }
    if (!decoded.includes("@")) continue;
    const id = normalizeMessageId(decoded);
    if (id !== null) return id;
  }
  return null;
}
