/** A Message-ID as typed or pasted, as stored: without the angle brackets lore's links and people's pastes carry. */
export function bareMsgid(text: string): string {
  const id = text.trim();
  return id.startsWith("<") && id.endsWith(">") ? id.slice(1, -1).trim() : id;
}

/**
 * A Message-ID from a URL path segment: percent-decoded (Next.js hands dynamic segments
 * over still encoded, `%40` for `@`), then bare. A segment that is not valid
 * percent-encoding is taken as written.
 */
export function routeMsgid(segment: string): string {
  try {
    return bareMsgid(decodeURIComponent(segment));
  } catch {
    return bareMsgid(segment);
  }
}
