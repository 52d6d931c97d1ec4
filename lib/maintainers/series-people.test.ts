import { describe, expect, it } from "vitest";

import { responsibleFor } from "./responsible";
import { seriesPeople, type SeriesResponsibleFacts } from "./series-people";
import { loadProjectFile } from "./test-support";

// The people QEMU's real MAINTAINERS names for the Quorum driver, as series_responsible holds them.
const quorum = responsibleFor(loadProjectFile("qemu"), ["block/quorum.c"]);
const computed: SeriesResponsibleFacts = {
  responsibleBlob: "0123456789abcdef0123456789abcdef01234567",
  responsible: quorum,
  thread: {
    authorEmails: ["famz@redhat.com"],
    repliedEmails: ["KWolf@redhat.com"],
    reviewedEmails: [],
    ccdEmails: ["qemu-devel@nongnu.org"],
  },
  hasTree: true,
  maintainersError: null,
};
const emails = (people: { email: string }[]) => people.map((p) => p.email);

describe("seriesPeople", () => {
  it("marks everyone by what the thread shows and pings who has not answered", () => {
    const people = seriesPeople(computed);
    expect(people).toMatchObject({ source: "maintainers", blob: computed.responsibleBlob, note: null });
    expect(emails(people.people)).toEqual(emails(quorum));
    expect(people.people.find((p) => p.email === "kwolf@redhat.com")).toMatchObject({ replied: true });
    expect(emails(people.toPing)).not.toContain("kwolf@redhat.com");
    expect(people.toPing.every((p) => p.role !== "list")).toBe(true);
  });

  it("says why there is nobody when series_responsible was not computed", () => {
    const notComputed = { ...computed, responsibleBlob: null };
    expect(seriesPeople({ ...notComputed, hasTree: false })).toEqual({
      source: "none",
      blob: null,
      people: [],
      toPing: [],
      note: "the project has no git tree to read MAINTAINERS from",
    });
    expect(seriesPeople({ ...notComputed, maintainersError: "no MAINTAINERS file" }).note).toBe(
      "no MAINTAINERS file",
    );
    expect(seriesPeople(notComputed).note).toBe("not computed yet");
    expect(seriesPeople(null).note).toBe("no such series");
  });
});
