import type { Address } from "./types";

/*
 * Person parsing for text that is not a header: trailer values such as
 * `Reviewed-by: "Doe, Jane" <Jane@Example.com> # v5.10+`. Header addresses are parsed by
 * mailparser (RFC 5322 §3.4 groups, RFC 2047 words) and reshaped in parse-message.ts;
 * both end up as our Address with a lower-cased email.
 */

/** Domains are case-insensitive (RFC 5321 §2.4); local parts are in practice too, so one lower-case form matches people. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 320 && EMAIL.test(email);
}

/** `"Doe, Jane"` → `Doe, Jane`; `\"` escapes (RFC 5322 quoted-pair) are undone. */
export function unquoteName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, "$1").trim();
  }
  return trimmed;
}

/**
 * The person in a free-text value: `Name <email>`, `"Name" <email>`, `email (Name)`, or a
 * bare `email`, each possibly followed by a comment (`# 6.1+`, `[backport]`). Null when the
 * value names no plausible address.
 */
export function parsePerson(value: string): Address | null {
  const text = value.trim();
  const open = text.indexOf("<");
  if (open >= 0) {
    const close = text.indexOf(">", open + 1);
    if (close < 0) return null;
    const email = text.slice(open + 1, close).trim();
    if (!isPlausibleEmail(email)) return null;
    return { name: unquoteName(text.slice(0, open)), email: normalizeEmail(email) };
  }
  const [first = "", ...rest] = text.split(/\s+/);
  if (!isPlausibleEmail(first)) return null;
  // Old style `jane@example.com (Jane Doe)`.
  const comment = /^\((.*)\)$/.exec(rest.join(" "));
  return { name: comment ? comment[1]!.trim() : "", email: normalizeEmail(first) };
}
