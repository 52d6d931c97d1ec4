import { describe, expect, it } from "vitest";

import { responsibleFor } from "./responsible";
import { loadProjectFile } from "./test-support";
import { isNextBest, personStates, whoToPing, type ThreadFacts } from "./who-to-ping";

// The people QEMU's real MAINTAINERS names for real files: Malta (Odd Fixes: a maintainer
// and a reviewer), Quorum and the block layer core (Supported), and their lists.
const qemu = loadProjectFile("qemu");
const malta = responsibleFor(qemu, ["hw/mips/malta.c", "block/quorum.c"]);
const quiet: ThreadFacts = { authorEmails: [], repliedEmails: [], reviewedEmails: [], ccdEmails: [] };
const emails = (people: { email: string }[]) => people.map((p) => p.email);

describe("whoToPing", () => {
  it("pings the maintainers first, then the reviewers, by rank; never a list", () => {
    expect(malta.map((e) => [e.rank, e.email, e.role])).toEqual([
      [1, "philmd@linaro.org", "maintainer"],
      [2, "aurelien@aurel32.net", "reviewer"],
      [3, "berto@igalia.com", "maintainer"],
      [4, "kwolf@redhat.com", "maintainer"],
      [5, "hreitz@redhat.com", "maintainer"],
      [6, "qemu-devel@nongnu.org", "list"],
      [7, "qemu-block@nongnu.org", "list"],
      [8, "hpoussin@reactos.org", "maintainer"],
      [9, "chenhuacai@kernel.org", "maintainer"],
    ]);
    expect(emails(whoToPing(malta, quiet))).toEqual([
      "philmd@linaro.org",
      "berto@igalia.com",
      "kwolf@redhat.com",
      "hreitz@redhat.com",
      "aurelien@aurel32.net",
      // The next-best people of the orphaned Malta file come last.
      "hpoussin@reactos.org",
      "chenhuacai@kernel.org",
    ]);
  });

  it("leaves out whoever replied or reviewed, whatever the case of their address", () => {
    const thread: ThreadFacts = {
      ...quiet,
      repliedEmails: ["KWolf@Redhat.com", "someone@example.org"],
      reviewedEmails: ["aurelien@aurel32.net"],
    };
    expect(emails(whoToPing(malta, thread))).toEqual([
      "philmd@linaro.org",
      "berto@igalia.com",
      "hreitz@redhat.com",
      "hpoussin@reactos.org",
      "chenhuacai@kernel.org",
    ]);
  });

  it("never pings the series author", () => {
    const thread = { ...quiet, authorEmails: ["philmd@linaro.org"] };
    expect(emails(whoToPing(malta, thread))[0]).toBe("berto@igalia.com");
    expect(emails(whoToPing(malta, thread))).not.toContain("philmd@linaro.org");
  });

  it("pings nobody once everyone responsible has answered", () => {
    const everyone = malta.filter((p) => p.role !== "list").map((p) => p.email);
    expect(whoToPing(malta, { ...quiet, repliedEmails: everyone })).toEqual([]);
    expect(whoToPing([], quiet)).toEqual([]);
  });
});

describe("personStates", () => {
  it("marks replied, reviewed and Cc'd per person, in rank order", () => {
    const thread: ThreadFacts = {
      authorEmails: ["famz@redhat.com"],
      repliedEmails: ["kwolf@redhat.com", "berto@igalia.com"],
      reviewedEmails: ["berto@igalia.com"],
      ccdEmails: ["kwolf@redhat.com", "berto@igalia.com", "qemu-block@nongnu.org"],
    };
    const states = personStates([...malta].reverse(), thread);
    expect(states.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const mark = (email: string) => {
      const s = states.find((p) => p.email === email)!;
      return { replied: s.replied, reviewed: s.reviewed, ccd: s.ccd };
    };
    expect(mark("berto@igalia.com")).toEqual({ replied: true, reviewed: true, ccd: true });
    expect(mark("kwolf@redhat.com")).toEqual({ replied: true, reviewed: false, ccd: true });
    expect(mark("hreitz@redhat.com")).toEqual({ replied: false, reviewed: false, ccd: false });
    expect(mark("qemu-block@nongnu.org")).toEqual({ replied: false, reviewed: false, ccd: true });
    expect(states.filter(isNextBest).map((s) => s.email)).toEqual([
      "hpoussin@reactos.org",
      "chenhuacai@kernel.org",
    ]);
  });
});
