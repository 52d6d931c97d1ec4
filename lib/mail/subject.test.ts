import { describe, expect, it } from "vitest";

import { normalizeTitle, parseSubject } from "./subject";
import type { ParsedSubject } from "./types";

type Expect = Partial<ParsedSubject>;

const cases: Array<[string, Expect]> = [
  [
    "[PATCH v2 3/5] foo: bar",
    { title: "foo: bar", version: 2, part: { index: 3, total: 5 }, prefixes: ["patch", "v2", "3/5"] },
  ],
  [
    "[RFC PATCH v3 0/7] big thing",
    { version: 3, part: { index: 0, total: 7 }, isRfc: true, hasPatchMarker: true },
  ],
  [
    "[PULL 00/12] Migration",
    { isPull: true, part: { index: 0, total: 12 }, hasPatchMarker: true, title: "Migration" },
  ],
  [
    "[PATCH for-9.1 1/2] hw: fix",
    { prefixes: ["patch", "for-9.1", "1/2"], version: 1, part: { index: 1, total: 2 } },
  ],
  ["[XEN PATCH] x86: y", { prefixes: ["xen", "patch"], listTags: [], hasPatchMarker: true, title: "x86: y" }],
  ["[PATCH qemu-web] Add post", { prefixes: ["patch", "qemu-web"], listTags: [] }],
  [
    "[Qemu-devel] [qemu-web PATCH] Add a blog post",
    { prefixes: ["qemu-devel", "qemu-web", "patch"], listTags: ["qemu-devel"] },
  ],
  [
    "[libvirt] [python PATCH] event-test.py: Remove extra ( in --help output",
    {
      prefixes: ["libvirt", "python", "patch"],
      listTags: ["libvirt"],
      title: "event-test.py: Remove extra ( in --help output",
    },
  ],
  ["[LTP] [PATCH v2] syscalls: add test", { listTags: ["ltp"], version: 2, title: "syscalls: add test" }],
  [
    "[Qemu-devel] [Qemu-block] [PATCH v6 3/4] blockdev: Add",
    { listTags: ["qemu-devel", "qemu-block"], part: { index: 3, total: 4 } },
  ],
  [
    "[edk2] [staging/HTTPS-TLS][PATCH 1/2] Readme.MD: Clarify",
    { listTags: ["edk2", "staging/https-tls"], part: { index: 1, total: 2 }, title: "Readme.MD: Clarify" },
  ],
  ["Re: [PATCH] x", { isReply: true, title: "x", hasPatchMarker: true }],
  ["RE: [PATCH] x", { isReply: true }],
  ["rE: x", { isReply: true, title: "x" }],
  ["Re: Re: [PATCH] x", { isReply: true, title: "x" }],
  ["Fwd: [PATCH] x", { isForward: true, isReply: false, title: "x" }],
  ["FW: x", { isForward: true }],
  ["Fw: Re: x", { isForward: true, isReply: true, title: "x" }],
  ["AW: [PATCH] x", { isReply: true }],
  ["Re[2]: x", { isReply: true, title: "x" }],
  ["Re: [LTP] [PATCH v2] x", { isReply: true, listTags: ["ltp"], version: 2, title: "x" }],
  ["[LTP] Re: [PATCH v2] x", { isReply: true, listTags: ["ltp"], version: 2, title: "x" }],
  ["[PATCH v4.5 10/12] partial reroll", { version: 4.5, part: { index: 10, total: 12 } }],
  ["[PATCH V2] upper-case version", { version: 2 }],
  ["[PATCHv2] glued", { version: 2, hasPatchMarker: true, prefixes: ["patchv2"] }],
  ["[RFCv3] glued rfc", { version: 3, isRfc: true }],
  ["[PATCH 01/11] zero-padded", { part: { index: 1, total: 11 } }],
  [
    "[PATCH RESEND] vl: only display available accelerators",
    { isResend: true, title: "vl: only display available accelerators" },
  ],
  ["[GIT PULL] soc: updates for v5.5", { isPull: true, title: "soc: updates for v5.5", listTags: [] }],
  ["[git pull] Please pull powerpc.git next branch", { isPull: true }],
  ["[GIT] Networking", { isPull: false, listTags: [], title: "Networking" }],
  ["[PULL REQUEST] x", { isPull: true, listTags: [] }],
  [
    "[Patch]: Fix ld pr11138 FAILures on mips*.",
    { title: "Fix ld pr11138 FAILures on mips*.", hasPatchMarker: true },
  ],
  [
    "Re: [YYY-1.0 qemu-kvm PATCH v2 4/4] XYZ",
    {
      prefixes: ["yyy-1.0", "qemu-kvm", "patch", "v2", "4/4"],
      version: 2,
      part: { index: 4, total: 4 },
      isReply: true,
      title: "XYZ",
    },
  ],
  ["[Qemu-devel] [PATCH]", { title: "", hasPatchMarker: true }],
  ["", { title: "", prefixes: [], version: 1, part: null, isReply: false }],
  ["   ", { title: "" }],
  [
    "Fix pow overflow in non-default rounding modes (bug 16315)",
    {
      title: "Fix pow overflow in non-default rounding modes (bug 16315)",
      hasPatchMarker: false,
      prefixes: [],
    },
  ],
  [
    "[libvirt]  [PATCH v2] vcpupin:  add clear feature ",
    { title: "vcpupin:  add clear feature", version: 2 },
  ],
  ["[PATCH] fw: load the blob", { isForward: false, title: "fw: load the blob" }],
  ["[PATCH 7/3] odd numbers", { part: null, prefixes: ["patch", "7/3"] }],
  ["[PATCH unbalanced", { title: "[PATCH unbalanced", prefixes: [] }],
  [
    "[Qemu-devel] [PATCH v4 0/2] Report format specific info for LUKS\n block driver",
    { title: "Report format specific info for LUKS block driver" },
  ],
  ["[PATCH] $(rm -rf /); ../../etc @{u}", { title: "$(rm -rf /); ../../etc @{u}" }],
  ["[PATCH v99999999999] huge version", { version: 1 }],
];

describe("parseSubject", () => {
  it.each(cases)("subject %j gives the expected parts", (subject, expected) => {
    expect(parseSubject(subject)).toMatchObject(expected);
  });

  it("subject with no markers is version 1, unnumbered, not a reply", () => {
    expect(parseSubject("hello")).toEqual({
      title: "hello",
      prefixes: [],
      listTags: [],
      version: 1,
      part: null,
      isReply: false,
      isForward: false,
      isRfc: false,
      isResend: false,
      isPull: false,
      hasPatchMarker: false,
    });
  });

  it("a very long subject of brackets is parsed down to its title", () => {
    // bench/worst-case.ts measures that this stays linear.
    const subject = "[a]".repeat(20_000) + "Re:".repeat(20_000) + " x";
    expect(parseSubject(subject).title).toBe("x");
  });
});

describe("normalizeTitle", () => {
  it.each([
    [
      "Report format specific info for LUKS block driver.",
      "report format specific info for luks block driver",
    ],
    ["  Foo   bar\tbaz  ", "foo bar baz"],
    ["same", "same"],
    ["ends with dots...", "ends with dots"],
  ])("title %j normalises to %j", (title, expected) => {
    expect(normalizeTitle(title)).toBe(expected);
  });
});
