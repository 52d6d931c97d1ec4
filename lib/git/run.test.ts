import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { GitError } from "./errors";
import { runGit, runGitOk } from "./run";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-run-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<GitError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe("runGit", () => {
  it("passes input on stdin and returns stdout as bytes", async () => {
    const result = await runGit(["hash-object", "--stdin"], { input: "hello\n" });
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe("ce013625030ba8dba906f756967f9e9ca394464a\n");
  });

  it("returns a non-zero exit as a result, with git's stderr", async () => {
    const result = await runGit(["rev-parse", "--verify", "no-such-ref"], { cwd: scratch });
    expect(result.code).toBe(128);
    expect(result.stderr).toMatch(/not a git repository/);
  });

  it("runGitOk turns a non-zero exit into GitError `failed` carrying the exit code and stderr", async () => {
    const error = await failure(runGitOk(["rev-parse", "--verify", "no-such-ref"], { cwd: scratch }));
    expect(error.code).toBe("failed");
    expect(error.details.exitCode).toBe(128);
    expect(error.message).toMatch(/git rev-parse exited with 128: fatal: not a git repository/);
  });

  it("kills git and fails with `timeout` when it runs too long", async () => {
    // credential-cache--daemon serves until it is killed: a git command that never ends.
    const socketDir = fs.mkdtempSync(path.join(scratch, "sock-"));
    fs.chmodSync(socketDir, 0o700);
    const error = await failure(
      runGit(["credential-cache--daemon", path.join(socketDir, "s")], { timeoutMs: 300 }),
    );
    expect(error.code).toBe("timeout");
  });

  it("kills git and fails with `output-too-large` when stdout passes the cap", async () => {
    const error = await failure(runGit(["help", "-a"], { maxOutputBytes: 100 }));
    expect(error.code).toBe("output-too-large");
  });

  it("fails with `spawn-failed` when git cannot start (missing working directory)", async () => {
    const error = await failure(runGit(["--version"], { cwd: path.join(scratch, "does-not-exist") }));
    expect(error.code).toBe("spawn-failed");
  });

  it("refuses an argument holding a NUL byte instead of running a truncated command", async () => {
    const error = await failure(runGit(["rev-parse", "HEAD\0--evil"]));
    expect(error.code).toBe("spawn-failed");
  });

  it("ignores the user's ~/.gitconfig and GIT_DIR from our environment", async () => {
    const home = fs.mkdtempSync(path.join(scratch, "home-"));
    fs.writeFileSync(path.join(home, ".gitconfig"), "[user]\n\tname = Leaked Name\n");
    const saved = { HOME: process.env.HOME, GIT_DIR: process.env.GIT_DIR };
    process.env.HOME = home;
    process.env.GIT_DIR = path.join(scratch, "elsewhere.git");
    try {
      const name = await runGit(["config", "--get", "user.name"], { cwd: scratch });
      expect(name.code).toBe(1);
      expect(name.stdout.toString()).toBe("");
      const repo = path.join(scratch, "repo.git");
      await runGitOk(["init", "--bare", "-q", repo]);
      const gitDir = await runGitOk(["rev-parse", "--git-dir"], { cwd: repo });
      expect(gitDir.stdout.toString().trim()).toBe(".");
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("adds the caller's variables to the clean environment", async () => {
    const result = await runGitOk(["var", "GIT_AUTHOR_IDENT"], {
      env: { GIT_AUTHOR_NAME: "Ada", GIT_AUTHOR_EMAIL: "ada@example.org", GIT_AUTHOR_DATE: "@0 +0000" },
    });
    expect(result.stdout.toString()).toBe("Ada <ada@example.org> 0 +0000\n");
  });
});
