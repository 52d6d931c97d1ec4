import { describe, expect, it } from "vitest";

import {
  isCatchAll,
  isUnmaintainedStatus,
  MAX_NEIGHBOUR_SECTIONS,
  nextBestFor,
  orphanedFiles,
  PARENT_DIRECTORY_PREFIX,
} from "./next-best";
import { responsibleFor } from "./responsible";
import { loadProjectFile } from "./test-support";

// QEMU's and Xen's real MAINTAINERS files, parsed with the directories of their trees.
const qemu = loadProjectFile("qemu");
const xen = loadProjectFile("xen");

describe("orphaned files", () => {
  it("takes Orphan, Odd Fixes and Obsolete as nobody's duty, and nothing else", () => {
    for (const s of ["Orphan", "Odd Fixes", "Odd fixes", "Obsolete"])
      expect(isUnmaintainedStatus(s), s).toBe(true);
    for (const s of ["Maintained", "Supported", null]) expect(isUnmaintainedStatus(s), String(s)).toBe(false);
  });

  it("knows the catch-all sections of both files", () => {
    expect(qemu.sections.filter(isCatchAll).map((s) => s.title)).toEqual(["All patches CC here"]);
    expect(xen.sections.filter(isCatchAll).map((s) => s.title)).toEqual(["THE REST"]);
  });

  it("finds files whose sections are all unmaintained, or only the catch-all", () => {
    const paths = [
      "hw/mips/mips_malta.c", // Overall MIPS Machines: Odd Fixes
      "block/quorum.c", // Quorum, Block layer core: Supported
      "newdir/unknown.c", // only "All patches CC here"
      "fsdev/virtfs-proxy-helper.c", // excluded from virtio-9p (X:): only the catch-all
      "crypto/block-luks.c", // Cryptography: Maintained
    ];
    expect(orphanedFiles(qemu, paths)).toEqual([
      "hw/mips/mips_malta.c",
      "newdir/unknown.c",
      "fsdev/virtfs-proxy-helper.c",
    ]);
    // Xen: a file only THE REST names, whose committers are Supported, is still nobody's area.
    expect(orphanedFiles(xen, ["xen/common/memory.c", "xen/arch/x86/mm.c"])).toEqual(["xen/common/memory.c"]);
  });
});

describe("next-best people", () => {
  it("takes the maintained section covering the nearest parent directory as a whole", () => {
    const [area, ...rest] = nextBestFor(qemu, ["fsdev/virtfs-proxy-helper.c", "block/quorum.c"]);
    expect(rest).toEqual([]);
    expect(area!.directory).toBe("fsdev");
    expect(area!.files).toEqual(["fsdev/virtfs-proxy-helper.c"]);
    expect(area!.entries.map((e) => [e.email, e.role, e.section, e.status])).toEqual([
      ["groug@kaod.org", "maintainer", "virtio-9p", "Maintained"],
      ["qemu_oss@crudebyte.com", "maintainer", "virtio-9p", "Maintained"],
    ]);
    expect(
      nextBestFor(qemu, ["include/qapi/qmp/dispatch.h"]).map((a) => [
        a.directory,
        a.entries.map((e) => e.email),
      ]),
    ).toEqual([["include/qapi/qmp", ["armbru@redhat.com"]]]);
  });

  it("falls back to the maintainers of the neighbouring files, when few areas share the directory", () => {
    // hw/mips/ as a whole is Odd Fixes; Jazz and Loongson-3 keep files next to Malta's.
    const areas = nextBestFor(qemu, ["hw/mips/mips_malta.c"]);
    expect(areas.map((a) => [a.directory, a.entries.map((e) => `${e.email} ${e.section}`)])).toEqual([
      ["hw/mips", ["hpoussin@reactos.org Jazz", "chenhuacai@kernel.org Loongson-3 virtual platforms"]],
    ]);
    // docs/system holds files of far more areas than that: nobody there is nearer than another.
    const docs = nextBestFor(qemu, ["docs/system/target-mips.rst"]);
    expect(docs.every((a) => a.directory !== "docs/system")).toBe(true);
    expect(MAX_NEIGHBOUR_SECTIONS).toBe(3);
  });

  it("gives nothing for a file with no maintained parent, and nothing for maintained files", () => {
    expect(nextBestFor(qemu, ["newdir/unknown.c"])).toEqual([]);
    expect(nextBestFor(qemu, ["block/quorum.c", "crypto/block-luks.c"])).toEqual([]);
    expect(nextBestFor(qemu, [])).toEqual([]);
  });

  it("adds them to a series' responsible people after everyone the files name, labelled with the directory", () => {
    const entries = responsibleFor(qemu, ["block/quorum.c", "fsdev/virtfs-proxy-helper.c"]);
    expect(entries.map((e) => [e.rank, e.email, e.role, e.sections[0]])).toEqual([
      [1, "berto@igalia.com", "maintainer", "Quorum"],
      [2, "kwolf@redhat.com", "maintainer", "Block layer core"],
      [3, "hreitz@redhat.com", "maintainer", "Block layer core"],
      [4, "qemu-block@nongnu.org", "list", "Quorum"],
      [5, "qemu-devel@nongnu.org", "list", "All patches CC here"],
      [6, "groug@kaod.org", "maintainer", `${PARENT_DIRECTORY_PREFIX}fsdev`],
      [7, "qemu_oss@crudebyte.com", "maintainer", `${PARENT_DIRECTORY_PREFIX}fsdev`],
    ]);
    // Every section that names an address, most relevant first.
    expect(entries.find((e) => e.email === "qemu-block@nongnu.org")!.sections).toEqual([
      "Quorum",
      "Block layer core",
    ]);
  });
});
