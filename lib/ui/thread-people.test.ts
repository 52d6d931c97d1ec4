import { describe, expect, it } from "vitest";

import { pingPeople } from "../series/ping-people";
import { type SeriesTakingPart, threadPeopleOf } from "./thread-people";

/** The parts of a series page the function reads: "[PATCH 0/3] Rewrite aio_cancel_2-1" (LTP). */
function page(): SeriesTakingPart {
  const trailer = (kind: string, name: string, email: string) => ({ kind, name, email });
  return {
    author: { name: "Martin Doucha", email: "mdoucha@suse.cz" },
    patches: [
      {
        trailers: [
          trailer("Signed-off-by", "Martin Doucha", "mdoucha@suse.cz"),
          trailer("Reviewed-by", "Cyril Hrubis", "chrubis@suse.cz"),
        ],
      },
      {
        trailers: [
          trailer("Signed-off-by", "Martin Doucha", "mdoucha@suse.cz"),
          trailer("Reviewed-by", "Andrea Cervesato", "andrea.cervesato@suse.com"),
          trailer("Reviewed-by", "Martin Doucha", "mdoucha@suse.cz"),
        ],
      },
    ],
    thread: [
      { author: { name: "Cyril Hrubis", email: "chrubis@suse.cz" } },
      { author: { name: "Petr Vorel", email: "pvorel@suse.cz" } },
      { author: { name: "Martin Doucha", email: "mdoucha@suse.cz" } },
    ],
  };
}

describe("whom to ask without MAINTAINERS", () => {
  it("is who reviewed, then who answered, once each, never the author, with the lists", () => {
    const ping = pingPeople([], threadPeopleOf(page(), ["ltp@lists.linux.it"]));
    expect(ping.source).toBe("thread");
    expect(ping.toPing.map((p) => [p.email, p.why])).toEqual([
      ["chrubis@suse.cz", "reviewed this revision"],
      ["andrea.cervesato@suse.com", "reviewed this revision"],
      ["pvorel@suse.cz", "answered in the thread"],
    ]);
    expect(ping.lists).toEqual(["ltp@lists.linux.it"]);
  });
});
