/**
 * The robot's own Message-IDs, `patchwatch.<random>@<domain>`: recognisable when one of its
 * mails comes back through a list (a loop), unique by their random part.
 */
export function robotMessageId(random: string, domain: string): string {
  return `patchwatch.${random}@${domain}`;
}

export function isRobotMessageId(msgid: string, domain: string): boolean {
  const at = msgid.lastIndexOf("@");
  return (
    at > 0 && msgid.startsWith("patchwatch.") && msgid.slice(at + 1).toLowerCase() === domain.toLowerCase()
  );
}

/** The host of the public URL, for Message-IDs; `localhost` when it has none. */
export function messageIdDomainOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || "localhost";
  } catch {
    return "localhost";
  }
}
