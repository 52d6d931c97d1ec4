import Link from "next/link";

export type BadgeTone = "green" | "red" | "amber" | "blue" | "violet" | "orange" | "zinc" | "outline";

const tones: Record<BadgeTone, string> = {
  green: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-200",
  red: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  blue: "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-200",
  violet: "bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-200",
  orange: "bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-200",
  zinc: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  outline: "border border-zinc-300 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300",
};

/**
 * A short state label. The label is for the eye; `explanation` says what it means, on
 * hover (title) and to screen readers (which read it instead of the terse label).
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
  const className = `inline-flex items-center whitespace-nowrap rounded px-1.5 text-xs leading-5 font-medium ${tones[tone]}`;
  const content = (
    <>
      <span aria-hidden="true">{label}</span>
      <span className="sr-only">{explanation}</span>
    </>
  );
  if (href) {
    return (
      <Link href={href} title={explanation} className={`${className} hover:underline`}>
        {content}
      </Link>
    );
  }
  return (
    <span title={explanation} className={className}>
      {content}
    </span>
  );
}
