import { describe, expect, it } from "vitest";

import { findMaintainers, matchSections } from "./match";
import { parseMaintainers, sectionLabel } from "./parse";
import { loadProjectFile, readFixture } from "./test-support";

const qemu = loadProjectFile("qemu");
const xen = loadProjectFile("xen");
const titles = (file: typeof qemu, path: string) => matchSections(file, path).map((m) => m.section.title);
const section = (file: typeof qemu, title: string) => {
  const found = file.sections.find((s) => s.title === title);
  if (!found) throw new Error(`no section ${title}`);
  return found;
};

describe("parseMaintainers on the real files", () => {
  it("tells the dialect from THE REST's `V: xen-maintainers-…` line", () => {
    expect(qemu.dialect).toBe("qemu");
    expect(xen.dialect).toBe("xen");
    expect(qemu.invalid).toEqual([]);
    expect(xen.invalid).toEqual([]);
  });

  it("reads every F: line of both files", () => {
    const count = (file: typeof qemu) => file.sections.reduce((n, s) => n + s.files.length, 0);
    expect(count(qemu)).toBe(1960);
    expect(count(xen)).toBe(159);
  });

  it("keeps a title ending in a colon, and takes the line of dashes under a title as the title", () => {
    expect(section(qemu, "EBPF:").people[0]?.person.email).toBe("jasowang@redhat.com");
    const alpha = qemu.sections.find((s) => s.files.some((f) => f.source === "hw/alpha/"));
    expect(alpha?.title).toBe("--------------");
    expect(alpha?.label).toBe("--------------");
  });

  it("reads a reviewer with trailing blanks, and one with no name", () => {
    const all = qemu.sections.flatMap((s) => s.people.map((p) => p.person));
    expect(all).toContainEqual({ name: "Darren Kenny", email: "darren.kenny@oracle.com" });
    expect(all).toContainEqual({ name: "", email: "mzamazal@redhat.com" });
  });

  it("keeps sections without M: and reports status words outside the list lower-cased", () => {
    const orphans = qemu.sections.filter((s) => s.status === "Orphan");
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.every((s) => s.statusRole === "orphan minder")).toBe(true);
    expect(section(xen, "X86 MEMORY PAGING")).toMatchObject({ status: "Orphaned", statusRole: "orphaned" });
  });

  it("reads a mailing list written with a display name", () => {
    expect(section(xen, "ARINC653 SCHEDULER").lists).toEqual([
      { name: "DornerWorks Xen-Devel", email: "xen-devel@dornerworks.com", note: "" },
    ]);
  });
});

describe("F: patterns", () => {
  it("expands Xen's brace alternation, including an empty alternative", () => {
    expect(titles(xen, "xen/common/kexec.c")).toContain("KEXEC");
    expect(titles(xen, "xen/common/kimage.c")).toContain("KEXEC");
    expect(titles(xen, "docs/misc/kconfig.txt")).toContain("KCONFIG");
    expect(titles(xen, "docs/misc/kconfig-language.txt")).toContain("KCONFIG");
    expect(titles(xen, "docs/misc/kconfigx.txt")).not.toContain("KCONFIG");
  });

  it("a glob matches within one directory level only", () => {
    expect(titles(qemu, "hw/char/xilinx_uartlite.c")).toContain("Xilinx Zynq");
    expect(titles(qemu, "hw/char/sub/xilinx_uartlite.c")).not.toContain("Xilinx Zynq");
    expect(titles(qemu, "util/oslib-win32.c")).toContain("W32, W64");
    expect(titles(qemu, "a/b/oslib-win32.c")).not.toContain("W32, W64");
  });

  it("X: removes the section only for the excluded files", () => {
    expect(titles(qemu, "hw/ssi/xilinx_spi.c")).not.toContain("Xilinx Zynq");
    expect(titles(qemu, "qga/channel-win32.c")).not.toContain("W32, W64");
    expect(titles(qemu, "target/hexagon/idef-parser/x.c")).not.toContain("Hexagon TCG CPUs");
    expect(titles(qemu, "target/hexagon/op_helper.c")).toContain("Hexagon TCG CPUs");
  });

  it("the catch-all `F: *` / `F: */` comes last", () => {
    expect(titles(qemu, "hw/arm/virt.c").at(-1)).toBe("All patches CC here");
    expect(titles(xen, "xen/common/memory.c").at(-1)).toBe("THE REST");
    expect(titles(qemu, "nowhere-in-particular")).toEqual(["All patches CC here"]);
  });

  it("a value naming a directory of the tree is recursive; otherwise it is a prefix", () => {
    const text = readFixture("qemu.MAINTAINERS");
    const withTree = parseMaintainers(text, { directories: ["hw/sensor"] });
    const withoutTree = parseMaintainers(text);
    expect(titles(withTree, "hw/sensor/a/b.c")).toContain("Overall sensors");
    expect(titles(withTree, "hw/sensorx.c")).not.toContain("Overall sensors");
    expect(titles(withoutTree, "hw/sensor/a/b.c")).not.toContain("Overall sensors");
    expect(titles(withoutTree, "hw/sensorx.c")).toContain("Overall sensors");
  });

  it("paths are not normalised, and a directory is matched as `dir/`", () => {
    expect(titles(qemu, "./hw/arm/virt.c")).toEqual(["All patches CC here"]);
    expect(titles(qemu, "target/arm/")).toContain("ARM TCG CPUs");
  });
});

describe("N: and K:", () => {
  const text = [
    "THE REST",
    "M: Rest Person <rest@example.org>",
    "S: Supported",
    "F: *",
    "F: */",
    "",
    "Drivers by name",
    "M: Name Person <name@example.org>",
    "S: Maintained",
    "N: [^a-z]tegra   # a comment, blanks ignored (/x)",
    "",
    "Trivial",
    "M: Trivial Person <trivial@example.org>",
    "S: Odd Fixes",
    "K: ^Subject:.*(?i)trivial",
    "",
  ].join("\n");

  it("N: matches the path as a regex where the dialect reads it (Xen), not in QEMU's", () => {
    expect(titles(parseMaintainers(text, { dialect: "xen" }), "drivers/gpu/tegra/dc.c")).toEqual([
      "Drivers by name",
      "THE REST",
    ]);
    expect(titles(parseMaintainers(text, { dialect: "qemu" }), "drivers/gpu/tegra/dc.c")).toEqual([
      "THE REST",
    ]);
  });

  it("K: switches to case-insensitive after (?i) and runs on the mail before the diff", () => {
    const file = parseMaintainers(text, { dialect: "qemu" });
    const mail = (subject: string) =>
      `Subject: ${subject}\n\n---\n+++ b/README\n@@ -1,1 +1,1 @@\n-a\n+Subject: trivial\n`;
    const emails = (subject: string) =>
      findMaintainers(file, [], { patch: mail(subject) }).map((e) => e.email);
    expect(emails("[PATCH] TRIVIAL: fix a typo")).toContain("trivial@example.org");
    expect(emails("[PATCH] fix a typo")).not.toContain("trivial@example.org");
    // `subject:` itself stays case-sensitive.
    expect(findMaintainers(file, [], { patch: "subject: trivial\n" }).map((e) => e.email)).not.toContain(
      "trivial@example.org",
    );
  });
});

describe("sectionLabel", () => {
  it.each([
    ["All patches CC here", false, "All patches CC here"],
    ["Project policy and developer guides", false, "Project policy an..."],
    ["ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE", false, "ARM (W/ VIRTUALIS..."],
    ["ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE", true, "ARM W/ VIRTUALIS..."],
    ["Human Monitor (HMP)", true, "Human Monitor (HMP)"],
  ])("%j (strip parentheses: %s) is %j", (title, strip, label) => {
    expect(sectionLabel(title, strip)).toBe(label);
  });
});
