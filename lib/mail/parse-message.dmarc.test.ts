import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseMessage } from "./parse-message";

// A real LTP reply whose From the list rewrote for DMARC ("X via ltp <ltp@lists.linux.it>").
const raw = fs.readFileSync(path.join(__dirname, "__fixtures__/ltp-dmarc-reply.eml"));

describe("parseMessage on a list-rewritten From", () => {
  it("gives the real author from Reply-To and says so in a warning", async () => {
    const result = await parseMessage(raw);
    if (!result.ok) throw new Error(result.detail);
    expect(result.mail.from).toEqual({ name: "Andrea Cervesato", email: "andrea.cervesato@suse.com" });
    expect(result.mail.warnings.join("\n")).toMatch(/rewritten by the list.*Reply-To/);
  });
});
