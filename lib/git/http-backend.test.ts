import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseCgiHead } from "./http-backend";
import { HTTP_BACKEND_MAX_REQUEST_BYTES } from "./limits";
import { runGit, runGitOk } from "./run";
import { serveGitSmartHttp } from "./smart-http";
import { commitTree, initBareRepo, setRef, writeBlob } from "./test-repo";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-http-backend-"));
const repositoriesDir = path.join(scratch, "data", "git");
const publish = path.join(repositoriesDir, "demo.git");
const TAG = "patchwatch/20260309101500.12345-1-jdoe_example.org-v2";
const errors: string[] = [];
let server: http.Server;
let base = "";
let commits: { base: string; series: string[] };

/** The same door as app/git/[project]/[...path]/route.ts, on a plain node server. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  // The path as sent: URL would already have resolved `..`.
  const rawPath = (req.url ?? "/").split("?")[0]!;
  const [, prefix, project, ...rest] = rawPath.split("/").map(decodeURIComponent);
  if (prefix !== "git" || !project) {
    res.writeHead(404).end();
    return;
  }
  // Like Next.js: the request's signal aborts when the client goes away before the end.
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, v);
  const request = new Request(url, {
    method: req.method,
    headers,
    body: req.method === "POST" ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal: abort.signal,
    // @ts-expect-error Node's fetch needs duplex for a streamed body; the DOM types do not know it.
    duplex: "half",
  });
  const response = await serveGitSmartHttp(
    request,
    { project, path: rest, remoteAddr: req.socket.remoteAddress },
    { repositoriesDir, projects: ["demo", "empty"], onError: (m) => errors.push(m) },
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body) await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
  else res.end();
}

beforeAll(async () => {
  await initBareRepo(publish);
  const v1 = await writeBlob(publish, "int main(void) { return 0; }\n");
  const v2 = await writeBlob(publish, "int main(void) { return 1; }\n");
  const doc = await writeBlob(publish, "Returns 1.\n");
  const root = await commitTree(publish, { "main.c": v1 }, null, "initial");
  await setRef(publish, "refs/heads/master", root);
  // The series is reachable from its tag only, as the applier leaves it.
  const first = await commitTree(publish, { "main.c": v2 }, root, "main: return 1");
  const second = await commitTree(publish, { "main.c": v2, README: doc }, first, "doc: say so");
  await setRef(publish, `refs/tags/${TAG}`, second);
  commits = { base: root, series: [first, second] };

  server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      errors.push(String(error));
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function freshClone(name: string, protocol: "0" | "2"): Promise<string> {
  const dir = path.join(scratch, name);
  await runGitOk(["-c", `protocol.version=${protocol}`, "clone", "-q", `${base}/git/demo`, dir]);
  return dir;
}

describe("git smart HTTP (git http-backend behind serveGitSmartHttp)", () => {
  it.each(["2", "0"] as const)(
    "a real `git clone` then `git fetch URL TAG` (protocol v%s) gets the series' commits",
    async (protocol) => {
      const clone = await freshClone(`clone-v${protocol}`, protocol);
      const head = await runGitOk(["rev-parse", "HEAD"], { cwd: clone });
      expect(head.stdout.toString().trim()).toBe(commits.base);

      await runGitOk(["-c", `protocol.version=${protocol}`, "fetch", "-q", `${base}/git/demo`, TAG], {
        cwd: clone,
      });
      const fetched = await runGitOk(["rev-list", "--reverse", `${commits.base}..FETCH_HEAD`], {
        cwd: clone,
      });
      expect(fetched.stdout.toString().trim().split("\n")).toEqual(commits.series);
      const files = await runGitOk(["ls-tree", "--name-only", "FETCH_HEAD"], { cwd: clone });
      expect(files.stdout.toString()).toBe("README\nmain.c\n");
    },
  );

  it("`git fetch` of a tag that does not exist fails with git's own message", async () => {
    const clone = await freshClone("clone-missing", "2");
    const result = await runGit(["fetch", "-q", `${base}/git/demo`, "patchwatch/no-such-series"], {
      cwd: clone,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/couldn't find remote ref patchwatch\/no-such-series/);
  });

  it("accepts the repository as /git/<project>.git too", async () => {
    const result = await runGitOk(["ls-remote", `${base}/git/demo.git`, TAG]);
    expect(result.stdout.toString()).toBe(`${commits.series[1]}\trefs/tags/${TAG}\n`);
  });

  it("refuses `git push` with 403 and a message saying the repository is read-only", async () => {
    const clone = await freshClone("clone-push", "2");
    const result = await runGit(["push", `${base}/git/demo`, "HEAD:refs/heads/evil"], { cwd: clone });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/403/);
    expect(result.stderr).toMatch(/read-only/);
    const refs = await runGitOk([`--git-dir=${publish}`, "for-each-ref", "--format=%(refname)"]);
    expect(refs.stdout.toString()).toBe(`refs/heads/master\nrefs/tags/${TAG}\n`);
  });

  it.each([
    ["POST", "/git/demo/git-receive-pack", 403, /read-only/],
    ["GET", "/git/demo/info/refs?service=git-receive-pack", 403, /read-only/],
    ["GET", "/git/demo/info/refs", 403, /only git's smart HTTP/],
    ["GET", "/git/demo/HEAD", 404, /not a path of git's smart HTTP/],
    ["GET", "/git/demo/objects/info/packs", 404, /not a path/],
    ["GET", "/git/demo/git-upload-pack", 405, /takes POST/],
    ["GET", "/git/demo/../demo.git/info/refs?service=git-upload-pack", 404, /not a path/],
    ["GET", "/git/nope/info/refs?service=git-upload-pack", 404, /no such project/],
    ["GET", "/git/..%2Fdata%2Fgit%2Fdemo/info/refs?service=git-upload-pack", 404, /no such project/],
    ["GET", "/git/empty/info/refs?service=git-upload-pack", 404, /has no published repository/],
  ] as const)("%s %s answers %i", async (method, url, status, message) => {
    const response = await rawRequest(method, url);
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^text\/plain/);
    expect(response.body).toMatch(message);
  });

  /** A request whose path goes out as written (fetch would resolve `..` first). */
  function rawRequest(
    method: string,
    url: string,
  ): Promise<{ status: number; contentType: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${base}/`, { method, path: url }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers["content-type"] ?? "",
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("advertises git-upload-pack with git's content type and no caching", async () => {
    const response = await fetch(`${base}/git/demo/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-git-upload-pack-advertisement");
    expect(response.headers.get("cache-control")).toMatch(/no-cache/);
    expect(await response.text()).toContain(`${commits.series[1]} refs/tags/${TAG}`);
  });

  /** A protocol v0 upload-pack request for one commit (gitprotocol-pack(5)). */
  function wantRequest(commit: string): Buffer {
    const want = `want ${commit}\n`;
    return Buffer.from(`${(want.length + 4).toString(16).padStart(4, "0")}${want}00000009done\n`);
  }

  it("undoes a gzip Content-Encoding on the request, as git sends for large negotiations", async () => {
    const post = (body: Buffer, gzip: boolean) =>
      fetch(`${base}/git/demo/git-upload-pack`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-git-upload-pack-request",
          ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        },
        body: new Uint8Array(body),
      });
    const request = wantRequest(commits.series[1]!);
    for (const response of [await post(request, false), await post(gzipSync(request), true)]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/x-git-upload-pack-result");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, 8).toString()).toBe("0008NAK\n");
      expect(body.includes("PACK")).toBe(true);
    }
  });

  it("refuses a gzip request that inflates past the limit (413) and one that is not gzip (400)", async () => {
    const headers = { "Content-Type": "application/x-git-upload-pack-request", "Content-Encoding": "gzip" };
    const bomb = gzipSync(Buffer.alloc(HTTP_BACKEND_MAX_REQUEST_BYTES + 1024 * 1024, 0x30));
    expect(bomb.length).toBeLessThan(100_000);
    const tooLarge = await fetch(`${base}/git/demo/git-upload-pack`, {
      method: "POST",
      headers,
      body: new Uint8Array(bomb),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toMatch(/larger than/);

    const garbage = await fetch(`${base}/git/demo/git-upload-pack`, {
      method: "POST",
      headers,
      body: new Uint8Array(wantRequest(commits.base)),
    });
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toMatch(/not valid gzip/);
  });

  it("passes git's own refusal of a malformed request on, with git's status", async () => {
    const response = await fetch(`${base}/git/demo/git-upload-pack`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "hello",
    });
    expect(response.status).toBe(415);
  });
});

describe("parseCgiHead", () => {
  it("takes the status from `Status:` and keeps content headers, dropping connection ones", () => {
    const { status, headers } = parseCgiHead(
      "Status: 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nX-Bad Name: 1\r\nLocation: /x",
    );
    expect(status).toBe(403);
    expect([...headers]).toEqual([["content-type", "text/plain"]]);
  });

  it("defaults to 200 and ignores an out-of-range status", () => {
    expect(parseCgiHead("Content-Type: a/b").status).toBe(200);
    expect(parseCgiHead("Status: 99 nope").status).toBe(200);
  });
});
