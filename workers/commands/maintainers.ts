import fs from "node:fs";
import path from "node:path";

import { PatchwatchError } from "../../lib/errors";
import {
  findMaintainers,
  formatMaintainerLines,
  type MaintainerEntry,
  type MaintainersDialect,
  parseMaintainers,
  scanPatch,
} from "../../lib/maintainers";

export interface MaintainersOptions {
  file: string;
  patch?: string;
  json?: boolean;
  dialect?: MaintainersDialect;
}

/** One answer: for a path, or for a patch (the files it touches plus its K: keywords). */
export interface MaintainersAnswer {
  path?: string;
  patch?: string;
  files?: string[];
  maintainers: Pick<MaintainerEntry, "name" | "email" | "role" | "section" | "status" | "label">[];
}

function readText(file: string, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new PatchwatchError("not-found", `${what} ${file}: no such file`);
  }
  if (!stat.isFile()) throw new PatchwatchError("bad-request", `${what} ${file}: not a file`);
  return fs.readFileSync(file, "utf8");
}

/**
 * `patchwatch maintainers --file MAINTAINERS [--patch FILE] [PATH…]`: like get_maintainer.pl,
 * the directory holding MAINTAINERS is taken as the top of the tree, so an F: value naming
 * a directory there is recursive and a PATH that is a directory there is matched as `dir/`.
 */
export function maintainersCommand(paths: string[], opts: MaintainersOptions): MaintainersAnswer[] {
  if (paths.length === 0 && opts.patch === undefined)
    throw new PatchwatchError("bad-request", "give one or more paths, or --patch FILE");
  const text = readText(opts.file, "MAINTAINERS file");
  const patch = opts.patch === undefined ? undefined : readText(opts.patch, "patch");
  const top = path.dirname(path.resolve(opts.file));
  const isDirectory = (value: string) => {
    try {
      return fs.statSync(path.join(top, value)).isDirectory();
    } catch {
      return false;
    }
  };
  const file = parseMaintainers(text, { dialect: opts.dialect, directories: isDirectory });
  const shape = (entries: MaintainerEntry[]) =>
    entries.map(({ name, email, role, section, status, label }) => ({
      name,
      email,
      role,
      section,
      status,
      label,
    }));

  const answers: MaintainersAnswer[] = [];
  for (const p of paths) {
    const asTool = !p.endsWith("/") && isDirectory(p) ? `${p}/` : p;
    answers.push({ path: p, maintainers: shape(findMaintainers(file, [asTool])) });
  }
  if (patch !== undefined) {
    const files = scanPatch(patch, file.keywords, file.rules.extendedPatchFiles).files;
    answers.push({ patch: opts.patch, files, maintainers: shape(findMaintainers(file, [], { patch })) });
  }
  print(answers, opts.json === true);
  return answers;
}

function print(answers: MaintainersAnswer[], json: boolean): void {
  if (json) return void process.stdout.write(JSON.stringify(answers, null, 2) + "\n");
  const out: string[] = [];
  for (const answer of answers) {
    if (answers.length > 1) out.push(answer.path !== undefined ? `${answer.path}:` : `${answer.patch}:`);
    if (answer.patch !== undefined && answer.files?.length === 0)
      process.stderr.write(`patchwatch: ${answer.patch} names no files (no "+++ " lines): is it a patch?\n`);
    const lines = formatMaintainerLines(answer.maintainers.map((m) => ({ ...m, via: "file" })));
    out.push(...lines.map((l) => (answers.length > 1 ? `  ${l}` : l)));
  }
  if (out.length > 0) process.stdout.write(out.join("\n") + "\n");
}
