import crypto from "node:crypto";

/**
 * Tester tokens: shown once when made, stored only as a SHA-256 digest. The prefix tells a
 * leaked token apart in a log or a secret scanner; 32 random bytes make it unguessable, so
 * a plain (unsalted) digest is enough and can be looked up by equality.
 */
export const TESTER_TOKEN_PREFIX = "pwt_";

const TOKEN_BYTES = 32;
/** The prefix and the base64url of 32 bytes; anything else is not one of ours. */
const TOKEN_SHAPE = /^pwt_[A-Za-z0-9_-]{43}$/;

export function generateTesterToken(random: (bytes: number) => Buffer = crypto.randomBytes): string {
  return `${TESTER_TOKEN_PREFIX}${random(TOKEN_BYTES).toString("base64url")}`;
}

export function isTesterTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The digest kept in tester.token_hash: lower-case hex SHA-256 of the token's UTF-8. */
export function hashTesterToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or null. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}
