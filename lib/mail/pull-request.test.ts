import { describe, expect, it } from "vitest";

import { parsePullRequest } from "./pull-request";

const request = (repository: string) =>
  `Hi,\n\nThe following changes since commit 0123456789abcdef0123456789abcdef01234567:\n\n  Linux 6.1 (2022-12-11)\n\nare available in the Git repository at:\n\n${repository}\n\nfor you to fetch changes up to fedcba9876543210fedcba9876543210fedcba98:\n`;

describe("parsePullRequest", () => {
  it.each<[string, string, string | null]>([
    [
      "a git:// URL and a tag",
      "  git://git.kernel.org/pub/scm/x.git tags/for-linus",
      "git://git.kernel.org/pub/scm/x.git tags/for-linus",
    ],
    ["an https URL without a ref", "  https://gitlab.com/qemu/qemu.git", "https://gitlab.com/qemu/qemu.git"],
    [
      "a ref wrapped onto the next line",
      "  https://git.kernel.org/x/linux.git/\ntags/v5.4-next-soc",
      "https://git.kernel.org/x/linux.git/ tags/v5.4-next-soc",
    ],
    ["trailing spaces", "  git://host/repo.git next   ", "git://host/repo.git next"],
    [
      "an scp-like address",
      "  git@github.com:user/qemu.git pull-req",
      "git@github.com:user/qemu.git pull-req",
    ],
    ["a backslash-continued ref", "  git://host/repo.git \\\n  next", "git://host/repo.git next"],
  ])("%s", (_, repository, url) => {
    expect(parsePullRequest(request(repository))).toEqual({
      url,
      baseCommit: "0123456789abcdef0123456789abcdef01234567",
    });
  });

  it.each([
    [
      "prose mentioning a repository",
      "The code is available in the git repository at our site, please look.",
    ],
    [
      "a repository line followed by prose",
      "are available in the git repository at:\n\nsomewhere on the internet\n",
    ],
    ["no request", "Hello\n"],
  ])("%s is not a pull request", (_, text) => {
    expect(parsePullRequest(text)).toBeNull();
  });

  it("a request without the since line has no base commit", () => {
    expect(parsePullRequest("are available in the git repository at:\n  git://h/r.git main\n")).toEqual({
      url: "git://h/r.git main",
      baseCommit: null,
    });
  });
});
