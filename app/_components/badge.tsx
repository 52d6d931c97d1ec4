export type BadgeTone = "green" | "red" | "amber" | "blue" | "violet" | "orange" | "zinc" | "outline";

/**
 * A short state label; `explanation` says what it means, on hover. The classes are in
 * globals.css: a list page carries a few badges a row, fifty rows a page.
 */
export function Badge({
  tone,
  label,
  explanation,
  href,
}: {
  tone: BadgeTone;
  label: string;
  explanation: string;
  href?: string;
}) {
  const className = `badge ${tone}`;
  // Plain links, not next/link: a list page would prefetch every badge's target.
  return href ? (
    <a href={href} title={explanation} className={className}>
      {label}
    </a>
  ) : (
    <span title={explanation} className={className}>
      {label}
    </span>
  );
}
