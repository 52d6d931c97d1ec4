import { describe, expect, it } from "vitest";

import { quoteBlocks } from "./quote-blocks";

describe("quoted text in a reply", () => {
  it.each([
    ["a mail without quotes is one own block", "Hi,\nLGTM.\n", [[false, "Hi,\nLGTM."]]],
    [
      "an inline reply alternates quote and answer, attribution visible",
      "On Mon, A wrote:\n> a\n> b\n\nYes.\n> c\nNo.\n",
      [
        [false, "On Mon, A wrote:"],
        [true, "> a\n> b"],
        [false, "\nYes."],
        [true, "> c"],
        [false, "No."],
      ],
    ],
    [
      "blank lines between two quoted paragraphs stay in the quote",
      "> a\n\n> b\nok\n",
      [
        [true, "> a\n\n> b"],
        [false, "ok"],
      ],
    ],
    [
      "a quote with a leading space counts",
      " > a\nok",
      [
        [true, " > a"],
        [false, "ok"],
      ],
    ],
  ])("%s", (_, body, blocks) => {
    expect(quoteBlocks(body).map((b) => [b.quoted, b.text])).toEqual(blocks);
  });
});
