import { PassThrough, Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";

import { exitCodeOf } from "./exit-code";
import {
  HTTP_BACKEND_MAX_CONCURRENT,
  HTTP_BACKEND_MAX_HEADER_BYTES,
  HTTP_BACKEND_MAX_REQUEST_BYTES,
  HTTP_BACKEND_TIMEOUT_MS,
  STDERR_KEEP_BYTES,
} from "./limits";
import { type GitProcess, killGitProcess, spawnGit } from "./spawn-git";

/**
 * `git http-backend` run as a CGI program (RFC 3875) behind a fetch-style handler:
 * Request in, Response out, the bodies streamed both ways. The caller has already
 * decided that the request is allowed (lib/git/smart-http.ts); this file only speaks CGI.
 */
export interface HttpBackendRequest {
  /** GIT_PROJECT_ROOT: the directory holding the served repositories. */
  projectRoot: string;
  /** PATH_INFO below projectRoot, e.g. `/ltp.git/info/refs`; built by the caller, never taken from the URL. */
  pathInfo: string;
  method: "GET" | "POST";
  /** QUERY_STRING, e.g. `service=git-upload-pack`. */
  queryString: string;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  remoteAddr?: string | undefined;
  /** Aborted when the client goes away: git is killed. */
  signal?: AbortSignal | undefined;
  /** Told why a backend failed (git's stderr); the client only gets a status and a short message. */
  onError?: ((message: string) => void) | undefined;
}

/** A short text answer; git prints a text/plain error body as `remote: …` lines. */
export function textResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache", ...headers },
  });
}

/** What went wrong before git's answer started; becomes the response status. */
interface Problem {
  status: number;
  message: string;
}

class RequestBodyError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

let running = 0;

export async function runHttpBackend(request: HttpBackendRequest): Promise<Response> {
  if (running >= HTTP_BACKEND_MAX_CONCURRENT)
    return textResponse(503, "the git server is busy, try again in a few seconds", { "Retry-After": "5" });
  const child = spawnGit(["http-backend"], { env: cgiEnvironment(request) });
  running++;

  let problem: Problem | null = null;
  let exitCode: number | null = null;
  let onExit: (() => void) | null = null;
  const stderr: Buffer[] = [];
  let stderrBytes = 0;

  // Killing git is not enough to free the slot: 'close' waits until its stdout is read,
  // and nobody may ever read it again, so the pipes are destroyed too.
  const stop = (why: Problem | null) => {
    problem ??= why;
    killGitProcess(child);
    child.stdout.destroy();
    child.stdin.destroy();
  };
  const timer = setTimeout(
    () => stop({ status: 504, message: "the git server took too long to answer" }),
    HTTP_BACKEND_TIMEOUT_MS,
  );
  const onAbort = () => stop(null);
  request.signal?.addEventListener("abort", onAbort, { once: true });

  child.stderr.on("data", (chunk: Buffer) => {
    if (stderrBytes < STDERR_KEEP_BYTES) stderr.push(chunk.subarray(0, STDERR_KEEP_BYTES - stderrBytes));
    stderrBytes += chunk.length;
  });
  child.on("close", (code, signal) => {
    clearTimeout(timer);
    request.signal?.removeEventListener("abort", onAbort);
    running--;
    exitCode = exitCodeOf(code, signal);
    if (exitCode !== 0 && !request.signal?.aborted)
      request.onError?.(
        `git http-backend ${request.method} ${request.pathInfo} exited with ${exitCode}` +
          `${problem ? ` (${problem.message})` : ""}: ${Buffer.concat(stderr).toString("utf8").trim()}`,
      );
    onExit?.();
  });
  child.on("error", () => stop({ status: 502, message: "the git server could not start" }));

  child.stdin.on("error", () => {});
  let pumped: Promise<void> = Promise.resolve();
  if (request.method === "POST" && request.body) {
    pumped = pumpRequestBody(request.body, request.headers.get("content-encoding"), child).catch(
      (error: unknown) => {
        if (error instanceof RequestBodyError) stop(error.problem);
        // Otherwise git stopped reading (its exit status tells why) or the client went away.
        else if (!(error instanceof Error && "code" in error && error.code === "EPIPE")) stop(null);
      },
    );
  } else {
    child.stdin.end();
  }

  const head = await readCgiHead(child.stdout);
  // http-backend writes its header block before it reads the request. Waiting for the
  // whole request costs nothing (upload-pack reads all of it before answering) and lets a
  // refused request get its own status instead of a cut-off 200.
  await pumped;
  if (head === "too-large") stop({ status: 502, message: "the git server sent a malformed answer" });
  const failure = problem as Problem | null;
  if (typeof head === "string" || failure) {
    stop(null);
    return textResponse(failure?.status ?? 502, failure?.message ?? "the git server failed to answer");
  }
  const cgi = parseCgiHead(head.text);
  const body = responseBody(child, head.rest, {
    exited: () => exitCode !== null,
    // An error status comes with git's message and a non-zero exit: the message is the answer.
    succeeded: () => (exitCode === 0 || cgi.status >= 400) && problem === null,
    onExit: (listener) => (onExit = listener),
    cancel: () => stop(null),
  });
  return new Response(body, { status: cgi.status, headers: cgi.headers });
}

/**
 * The CGI variables http-backend reads (git-http-backend(1), ENVIRONMENT). Request
 * headers are passed one by one after a check, never wholesale. Config given on the
 * command line (GIT_CONFIG_COUNT) outranks the repository's own: pushing and the
 * dumb protocol's "any file" access stay off whatever the repository says.
 */
function cgiEnvironment(request: HttpBackendRequest): Record<string, string> {
  const env: Record<string, string> = {
    GATEWAY_INTERFACE: "CGI/1.1",
    GIT_PROJECT_ROOT: request.projectRoot,
    PATH_INFO: request.pathInfo,
    QUERY_STRING: request.queryString,
    REQUEST_METHOD: request.method,
    GIT_HTTP_EXPORT_ALL: "1",
    // Above our own limit, so that ours (with its 413) is the one that fires.
    GIT_HTTP_MAX_REQUEST_BUFFER: String(2 * HTTP_BACKEND_MAX_REQUEST_BYTES),
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: "http.receivepack",
    GIT_CONFIG_VALUE_0: "false",
    GIT_CONFIG_KEY_1: "http.getanyfile",
    GIT_CONFIG_VALUE_1: "false",
  };
  const contentType = request.headers.get("content-type");
  if (contentType && /^[\x20-\x7e]{1,200}$/.test(contentType)) env.CONTENT_TYPE = contentType;
  // Git-Protocol: version=2 selects protocol v2, whose ls-refs sends only the refs asked
  // for instead of every tag of the repository (gitprotocol-http(5)).
  const protocol = request.headers.get("git-protocol");
  if (protocol && /^[A-Za-z0-9=:._-]{1,100}$/.test(protocol)) env.HTTP_GIT_PROTOCOL = protocol;
  if (request.remoteAddr) env.REMOTE_ADDR = request.remoteAddr;
  return env;
}

/**
 * Request body → git's stdin. gzip (which git uses for large requests) is undone here
 * rather than by http-backend, so that the limit counts the inflated bytes. No
 * CONTENT_LENGTH is given: git reads to end of file (and buffers at most
 * GIT_HTTP_MAX_REQUEST_BUFFER).
 */
async function pumpRequestBody(
  body: ReadableStream<Uint8Array>,
  encoding: string | null,
  child: GitProcess,
): Promise<void> {
  const coding = encoding?.trim().toLowerCase() ?? "";
  if (coding !== "" && coding !== "identity" && coding !== "gzip" && coding !== "x-gzip")
    throw new RequestBodyError({
      status: 415,
      message: `unsupported Content-Encoding '${coding.slice(0, 40)}'`,
    });
  const inflate = coding.endsWith("gzip") ? createGunzip() : new PassThrough();
  inflate.on("error", () => {});
  try {
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      inflate,
      byteLimit(HTTP_BACKEND_MAX_REQUEST_BYTES),
      child.stdin,
    );
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("Z_"))
      throw new RequestBodyError({ status: 400, message: "the request body is not valid gzip" });
    throw error;
  }
}

function byteLimit(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > max)
        callback(
          new RequestBodyError({ status: 413, message: `the request body is larger than ${max} bytes` }),
        );
      else callback(null, chunk);
    },
  });
}

/**
 * Reads stdout up to the blank line that ends the CGI header block; what came after it
 * is the start of the body. The stream is left paused.
 */
function readCgiHead(stdout: Readable): Promise<{ text: string; rest: Buffer } | "too-large" | "no-head"> {
  return new Promise((resolve) => {
    let buffered: Buffer = Buffer.alloc(0);
    const done = (result: { text: string; rest: Buffer } | "too-large" | "no-head") => {
      stdout.pause();
      stdout.off("data", onData);
      stdout.off("end", onEnd);
      stdout.off("close", onEnd);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const end = headEnd(buffered);
      if (end)
        done({ text: buffered.subarray(0, end.at).toString("latin1"), rest: buffered.subarray(end.next) });
      else if (buffered.length > HTTP_BACKEND_MAX_HEADER_BYTES) done("too-large");
    };
    const onEnd = () => done("no-head");
    stdout.on("data", onData);
    stdout.on("end", onEnd);
    stdout.on("close", onEnd);
  });
}

function headEnd(buffer: Buffer): { at: number; next: number } | null {
  const crlf = buffer.indexOf("\r\n\r\n");
  const lf = buffer.indexOf("\n\n");
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { at: crlf, next: crlf + 4 };
  if (lf >= 0) return { at: lf, next: lf + 2 };
  return null;
}

/** Headers that describe the connection, not the content; the server in front sets its own. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "location",
  "status",
]);

/** `Status: 403 Forbidden` and the other header lines of a CGI answer (RFC 3875, 6.3). */
export function parseCgiHead(text: string): { status: number; headers: Headers } {
  const headers = new Headers();
  let status = 200;
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!/^[A-Za-z0-9-]+$/.test(name) || !/^[\x20-\x7e]*$/.test(value)) continue;
    if (name.toLowerCase() === "status") {
      const code = Number(/^(\d{3})\b/.exec(value)?.[1]);
      if (code >= 200 && code <= 599) status = code;
    } else if (!HOP_BY_HOP.has(name.toLowerCase())) {
      headers.append(name, value);
    }
  }
  return { status, headers };
}

interface BodyLifecycle {
  exited: () => boolean;
  succeeded: () => boolean;
  onExit: (listener: () => void) => void;
  cancel: () => void;
}

/**
 * git's stdout after the header block, as a web stream that reads only as fast as the
 * client takes it. It ends when git has exited: cleanly if git succeeded, with an error
 * (a cut connection, which git's client reports) if git failed or was killed.
 */
function responseBody(child: GitProcess, rest: Buffer, life: BodyLifecycle): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (rest.length > 0) controller.enqueue(rest);
        child.stdout.on("data", (chunk: Buffer) => {
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) child.stdout.pause();
        });
        const settle = () => {
          if (life.succeeded()) controller.close();
          else controller.error(new Error("git http-backend failed while answering"));
        };
        if (life.exited()) settle();
        else life.onExit(settle);
      },
      pull() {
        child.stdout.resume();
      },
      cancel() {
        life.cancel();
      },
    },
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  );
}
