import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { loadProjects } from "./projects-file";
import { projectsConfig } from "./server-config";

const projectsJson = (name: string) =>
  JSON.stringify({ projects: [{ name, lists: [`${name}@lists.example.org`] }] });

let dir: string;
let file: string;

/** The message `run` throws. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

function write(text: string, mtime: Date): void {
  fs.writeFileSync(file, text);
  fs.utimesSync(file, mtime, mtime);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-config-"));
  file = path.join(dir, "projects.json");
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("projectsConfig", () => {
  it("parses an unchanged projects file once", () => {
    write(projectsJson("alpha"), new Date("2026-01-01T00:00:00Z"));
    const first = projectsConfig(file);
    expect(first.projects.map((p) => p.name)).toEqual(["alpha"]);
    expect(projectsConfig(file)).toBe(first);
  });

  it("reads the file again when its modification time changes", () => {
    write(projectsJson("alpha"), new Date("2026-01-01T00:00:00Z"));
    const first = projectsConfig(file);
    // Same size, so only the modification time tells the edit.
    write(projectsJson("bravo"), new Date("2026-01-02T00:00:00Z"));
    const second = projectsConfig(file);
    expect(second).not.toBe(first);
    expect(second.projects.map((p) => p.name)).toEqual(["bravo"]);
  });

  it("keeps one file's parse apart from another's", () => {
    const mtime = new Date("2026-01-01T00:00:00Z");
    write(projectsJson("alpha"), mtime);
    const other = path.join(dir, "other.json");
    fs.writeFileSync(other, projectsJson("bravo"));
    fs.utimesSync(other, mtime, mtime);
    expect(projectsConfig(file).projects[0]?.name).toBe("alpha");
    expect(projectsConfig(other).projects[0]?.name).toBe("bravo");
  });

  it("gives an invalid file the same error as loadProjects, every time it is asked", () => {
    write(projectsJson("alpha"), new Date("2026-01-01T00:00:00Z"));
    projectsConfig(file);
    write(JSON.stringify({ projects: [{ name: "API" }] }), new Date("2026-01-02T00:00:00Z"));
    const expected = errorOf(() => loadProjects(file));
    expect(expected).toContain("invalid projects file");
    expect(errorOf(() => projectsConfig(file))).toBe(expected);
    expect(errorOf(() => projectsConfig(file))).toBe(expected);
  });

  it("gives a file that is not JSON, and a missing file, the same errors as loadProjects", () => {
    write("{ not json", new Date("2026-01-01T00:00:00Z"));
    expect(() => projectsConfig(file)).toThrow(/not valid JSON/);
    const missing = path.join(dir, "missing.json");
    const expected = errorOf(() => loadProjects(missing));
    expect(expected).toContain("cannot read projects file");
    expect(errorOf(() => projectsConfig(missing))).toBe(expected);
  });
});
