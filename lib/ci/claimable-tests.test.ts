import { describe, expect, it } from "vitest";

import { claimableTests } from "./claimable-tests";

const test = (name: string, capabilities: string[] = []) => ({
  name,
  script: "true",
  timeoutSeconds: 60,
  capabilities,
  email: false,
});
const projects = [
  {
    name: "qemu",
    tests: [test("checkpatch"), test("build-arm", ["arch=aarch64"]), test("kvm", ["arch=x86_64", "kvm"])],
  },
  { name: "xen", tests: [test("build")] },
];

describe("claimableTests", () => {
  it("offers the tests whose capabilities the tester has all of, in every project when none is named", () => {
    const scope = claimableTests(projects, { projects: [] }, { capabilities: ["arch=x86_64"] });
    expect(scope).toEqual({
      ok: true,
      tests: [
        { project: "qemu", test: "checkpatch" },
        { project: "xen", test: "build" },
      ],
    });
  });

  it("needs every capability of a test, not one of them", () => {
    const scope = claimableTests(projects, { projects: ["qemu"] }, { capabilities: ["kvm", "arch=x86_64"] });
    expect(scope.ok && scope.tests.map((t) => t.test)).toEqual(["checkpatch", "kvm"]);
  });

  it("keeps to the projects the token allows and the tester asks for", () => {
    expect(claimableTests(projects, { projects: ["xen"] }, { capabilities: [] })).toEqual({
      ok: true,
      tests: [{ project: "xen", test: "build" }],
    });
    expect(claimableTests(projects, { projects: [] }, { capabilities: [], projects: ["xen"] })).toEqual({
      ok: true,
      tests: [{ project: "xen", test: "build" }],
    });
  });

  it("refuses a project the token does not allow, and one that does not exist", () => {
    expect(claimableTests(projects, { projects: ["xen"] }, { capabilities: [], projects: ["qemu"] })).toEqual(
      {
        ok: false,
        error: "project-not-allowed",
        project: "qemu",
      },
    );
    expect(claimableTests(projects, { projects: [] }, { capabilities: [], projects: ["linux"] })).toEqual({
      ok: false,
      error: "unknown-project",
      project: "linux",
    });
  });
});
