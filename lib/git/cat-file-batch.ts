import { exitCodeOf } from "./exit-code";
import { GitError } from "./errors";
import { CAT_FILE_MAX_OBJECT_BYTES, STDERR_KEEP_BYTES } from "./limits";
import { CatFileFramer } from "./cat-file-framing";
import { killGitProcess, spawnGit } from "./spawn-git";

export interface GitObject {
  type: string;
  size: number;
  content: Buffer;
}

export interface CatFileBatch {
  /**
   * The object named `objectName` (an id, or any name git accepts such as `<commit>:m`),
   * or null when it does not exist. Calls may overlap: requests are pipelined to one
   * process and answered in order. Rejects with GitError `output-too-large` for an object
   * over the size limit, `failed` if the name is ambiguous or git dies.
   */
  read(objectName: string): Promise<GitObject | null>;
  /** Lets git answer what was asked, then waits for it to exit. */
  close(): Promise<void>;
}

interface Waiter {
  name: string;
  resolve: (object: GitObject | null) => void;
  reject: (error: GitError) => void;
}

/**
 * One long-lived `git cat-file --batch` process for a repository: one process for any
 * number of objects, instead of one `git cat-file` per object.
 *
 * Backpressure: request lines are queued and written only while git's stdin accepts them
 * ('drain'); memory for answers is bounded by how many reads the caller keeps in flight
 * (see CAT_FILE_WINDOW). This is a small state machine over the process's lifetime.
 */
export function openCatFileBatch(gitDir: string, options: { maxObjectBytes?: number } = {}): CatFileBatch {
  const maxObjectBytes = options.maxObjectBytes ?? CAT_FILE_MAX_OBJECT_BYTES;
  const args = [`--git-dir=${gitDir}`, "cat-file", "--batch"];
  const child = spawnGit(args);
  const framer = new CatFileFramer(maxObjectBytes);
  const waiters: Waiter[] = [];
  const unwritten: string[] = [];
  let writable = true;
  let closing = false;
  let failure: GitError | null = null;
  let stderr = "";

  const failAll = (error: GitError) => {
    failure ??= error;
    for (const w of waiters.splice(0)) w.reject(failure);
    unwritten.length = 0;
    killGitProcess(child);
  };

  const flush = () => {
    while (writable && unwritten.length > 0) writable = child.stdin.write(unwritten.shift()!);
    if (closing && unwritten.length === 0 && !child.stdin.writableEnded) child.stdin.end();
  };

  child.stdin.on("drain", () => {
    writable = true;
    flush();
  });
  child.stdin.on("error", () => {}); // git died: 'close' below rejects what is waiting
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text: string) => {
    if (stderr.length < STDERR_KEEP_BYTES) stderr += text;
  });
  child.stdout.on("data", (chunk: Buffer) => {
    let answers;
    try {
      answers = framer.push(chunk);
    } catch (cause) {
      return failAll(new GitError("failed", String((cause as Error).message), { args, cause }));
    }
    for (const answer of answers) {
      const waiter = waiters.shift();
      if (!waiter)
        return failAll(new GitError("failed", "git cat-file answered a question nobody asked", { args }));
      if (answer.kind === "object")
        waiter.resolve({ type: answer.type, size: answer.size, content: answer.content });
      else if (answer.kind === "missing") waiter.resolve(null);
      else if (answer.kind === "too-large") {
        waiter.reject(
          new GitError(
            "output-too-large",
            `object ${waiter.name} (${answer.oid}) is ${answer.size} bytes (limit ${maxObjectBytes})`,
            {
              args,
            },
          ),
        );
      } else
        waiter.reject(
          new GitError("failed", `ambiguous object name ${JSON.stringify(answer.name)}`, { args }),
        );
    }
  });
  const exited = new Promise<void>((resolve) => {
    child.once("error", (cause) => {
      failAll(new GitError("spawn-failed", `could not run git: ${cause.message}`, { args, cause }));
      resolve();
    });
    child.once("close", (code, signal) => {
      if (waiters.length > 0 || !framer.idle) {
        const status = exitCodeOf(code, signal);
        failAll(
          new GitError("failed", `git cat-file exited with ${status}: ${stderr.trim()}`, {
            args,
            exitCode: status,
            stderr,
          }),
        );
      }
      resolve();
    });
  });

  return {
    read(objectName) {
      // One request per line: a name holding LF would be read as two requests.
      if (!objectName || /[\n\0]/.test(objectName)) {
        return Promise.reject(
          new GitError("failed", `invalid object name ${JSON.stringify(objectName)}`, { args }),
        );
      }
      if (failure) return Promise.reject(failure);
      if (closing) return Promise.reject(new GitError("failed", "cat-file batch is closed", { args }));
      return new Promise<GitObject | null>((resolve, reject) => {
        waiters.push({ name: objectName, resolve, reject });
        unwritten.push(`${objectName}\n`);
        flush();
      });
    },
    async close() {
      if (!closing) {
        closing = true;
        flush();
      }
      await exited;
    },
  };
}
