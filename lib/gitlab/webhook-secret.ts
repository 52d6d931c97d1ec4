import crypto from "node:crypto";

/**
 * Whether the X-Gitlab-Token GitLab sent is the configured secret, in constant time:
 * both sides are hashed first, so neither the content nor the length of the secret shows
 * in how long a wrong guess takes.
 */
export function isWebhookSecret(sent: string | null, configured: string | undefined): boolean {
  if (!configured || sent === null) return false;
  const digest = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest();
  return crypto.timingSafeEqual(digest(sent), digest(configured));
}
