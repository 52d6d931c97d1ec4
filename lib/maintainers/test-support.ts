import fs from "node:fs";
import path from "node:path";

import { parseMaintainers } from "./parse";
import type { MaintainerEntry, MaintainersFile } from "./types";

/** Test support: the corpus MAINTAINERS files, parsed as in the tree get_maintainer.pl ran in. */
export const FIXTURES = path.join(__dirname, "__fixtures__");

/** F: values without a trailing `/` that are directories in each project's tree (see the expected files' `tree`). */
export const TREE_DIRECTORIES = {
  qemu: [
    "contrib/vhost-user-gpu",
    "hw/sensor",
    "include/hw/sensor",
    "roms/edk2",
    "roms/u-boot-sam460ex",
    "roms/vbootrom",
    "target/s390x/tcg",
  ],
  xen: [
    "tools/golang",
    "tools/memshr",
    "tools/python",
    "tools/tests/xen-access",
    "xen/include/asm-arm/tee",
    "xen/include/xen/lib/x86",
    "xen/lib/x86",
  ],
};

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), "utf8");
}

export function loadProjectFile(project: "qemu" | "xen"): MaintainersFile {
  return parseMaintainers(readFixture(`${project}.MAINTAINERS`), { directories: TREE_DIRECTORIES[project] });
}

export interface ExpectedLine {
  name: string | null;
  email: string;
  role: string;
}

/** Our entries in the shape of the expected answers (`role` is get_maintainer.pl's role text). */
export function asPrinted(entries: readonly MaintainerEntry[]): ExpectedLine[] {
  return entries.map((e) => ({ name: e.name || null, email: e.email, role: e.label }));
}
