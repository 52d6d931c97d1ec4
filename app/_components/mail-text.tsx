import { quoteBlocks } from "@/lib/mail/quote-blocks";

/** A mail body as text, with what it quotes folded behind "show quoted text". */
export function MailText({ body }: { body: string }) {
  const blocks = quoteBlocks(body);
  if (blocks.length === 0) return <p className="text-sm text-zinc-500 italic">(empty message)</p>;
  return (
    <div className="font-mono text-[0.8rem] leading-5">
      {blocks.map((b, i) =>
        b.quoted ? (
          <details key={i} className="my-0.5">
            <summary className="cursor-pointer font-sans text-xs text-zinc-600 select-none hover:underline dark:text-zinc-400">
              show quoted text ({b.text.split("\n").length} lines)
            </summary>
            <pre className="border-l-2 border-zinc-300 pl-2 break-words whitespace-pre-wrap text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              {b.text}
            </pre>
          </details>
        ) : (
          <pre key={i} className="break-words whitespace-pre-wrap">
            {b.text}
          </pre>
        ),
      )}
    </div>
  );
}
