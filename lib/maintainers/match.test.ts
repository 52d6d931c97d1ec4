import { describe, expect, it } from "vitest";

import { formatMaintainerLines } from "./format";
import { findMaintainers, matchSections } from "./match";
import { asPrinted, type ExpectedLine, loadProjectFile, readFixture } from "./test-support";

/**
 * The answers of get_maintainer.pl itself (QEMU's 0.26 and Xen's 0.26-xen), recorded
 * path by path and patch by patch against the same MAINTAINERS files.
 */
interface PathCase {
  path: string;
  path_as_tool_sees_it?: string;
  kind: string;
  origin?: string;
  expect: ExpectedLine[];
  order_stable: boolean;
  expect_ties_in_file_order?: ExpectedLine[];
  expect_with_xen_head_script?: ExpectedLine[];
  sections: string[];
  stdout: string;
}

interface PatchCase {
  project: "qemu" | "xen";
  patch_file: string;
  files_in_patch: string[];
  expect: ExpectedLine[];
  order_stable: boolean;
  expect_ties_in_file_order?: ExpectedLine[];
  stdout: string;
}

const files = { qemu: loadProjectFile("qemu"), xen: loadProjectFile("xen") };

/** Where the script's order depends on Perl's hash seed, we break ties by file order. */
function wanted(c: {
  expect: ExpectedLine[];
  order_stable: boolean;
  expect_ties_in_file_order?: ExpectedLine[];
}) {
  return c.order_stable ? c.expect : c.expect_ties_in_file_order!;
}

describe.each(["qemu", "xen"] as const)("%s MAINTAINERS against get_maintainer.pl", (project) => {
  const cases = (JSON.parse(readFixture(`${project}-expected.json`)) as { cases: PathCase[] }).cases;

  it("has the recorded cases", () => {
    expect(cases.length).toBe(project === "qemu" ? 340 : 318);
  });

  it.each(cases.map((c) => [c.path, c.kind, c] as const))("%s (%s)", (_path, _kind, c) => {
    const path = c.path_as_tool_sees_it ?? c.path;
    const got = findMaintainers(files[project], [path]);
    // Xen's script at this commit prints an empty address for `L: Name <list>`; the
    // current script (and we) print the list's address.
    expect(asPrinted(got)).toEqual(c.expect_with_xen_head_script ?? wanted(c));
    expect(matchSections(files[project], path).map((m) => m.section.title)).toEqual(c.sections);
    if (c.order_stable && !c.expect_with_xen_head_script)
      expect(
        formatMaintainerLines(got)
          .map((l) => `${l}\n`)
          .join(""),
      ).toBe(c.stdout);
    if (!c.order_stable && !c.expect_with_xen_head_script) {
      // Same people and lists as the seed-0 run, only tied sections in another order.
      const emails = (lines: ExpectedLine[]) => lines.map((l) => l.email).sort();
      expect(emails(asPrinted(got))).toEqual(emails(c.expect));
    }
  });
});

describe("patches against get_maintainer.pl", () => {
  const cases = (JSON.parse(readFixture("patch-cases.json")) as { cases: PatchCase[] }).cases;

  it.each(cases.map((c) => [c.patch_file, c] as const))("%s", (patchFile, c) => {
    const patch = readFixture(patchFile);
    const got = findMaintainers(files[c.project], [], { patch });
    expect(asPrinted(got)).toEqual(wanted(c));
    if (c.order_stable)
      expect(
        formatMaintainerLines(got)
          .map((l) => `${l}\n`)
          .join(""),
      ).toBe(c.stdout);
  });

  it("a K: keyword on the Subject line brings its section in after the file matches", () => {
    const patch = readFixture("patches/qemu-0003-single-patch-reviewed.patch");
    const got = findMaintainers(files.qemu, [], { patch });
    const keyword = got.filter((e) => e.via === "keyword");
    expect(keyword.length).toBeGreaterThan(0);
    expect(got.findIndex((e) => e.via === "keyword")).toBeGreaterThan(0);
    // Without the mail text, only the file's sections answer.
    expect(findMaintainers(files.qemu, ["hw/mips/mips_malta.c"]).every((e) => e.via === "file")).toBe(true);
  });

  it("a patch and the same paths given directly find the same file sections", () => {
    const patch = readFixture("patches/qemu-0001-simple-patch.patch");
    const viaPatch = findMaintainers(files.qemu, [], { patch }).filter((e) => e.via === "file");
    const viaPaths = findMaintainers(files.qemu, ["block/Makefile.objs", "block/quorum.c"]);
    expect(viaPatch).toEqual(viaPaths);
  });
});

describe("entries", () => {
  it("carry the role kind, the full section title and its status", () => {
    const got = findMaintainers(files.qemu, ["scripts/decodetree.py"]);
    expect(got[0]).toEqual({
      name: "Richard Henderson",
      email: "richard.henderson@linaro.org",
      role: "maintainer",
      section: "Overall TCG CPUs",
      status: "Maintained",
      label: "maintainer:Overall TCG CPUs",
      via: "file",
    });
    expect(got.at(-1)).toMatchObject({ role: "list", email: "qemu-devel@nongnu.org", name: "" });
  });
});
