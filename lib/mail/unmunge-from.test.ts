import { describe, expect, it } from "vitest";

import { unmungeFrom } from "./unmunge-from";

const list = { name: "Andrea Cervesato via ltp", email: "ltp@lists.linux.it" };
const author = { name: "Andrea Cervesato", email: "andrea.cervesato@suse.com" };

describe("unmungeFrom", () => {
  it("takes the author back from Reply-To when the list rewrote From (DMARC)", () => {
    const r = unmungeFrom(list, [author], null);
    expect(r.from).toEqual(author);
    expect(r.note).toMatch(/Reply-To/);
  });

  it("prefers X-Original-From when the list kept it", () => {
    const original = { name: "A. C.", email: "ac@example.com" };
    expect(unmungeFrom(list, [author], original).from).toEqual(original);
  });

  it("leaves an ordinary From alone, even with a Reply-To", () => {
    expect(unmungeFrom(author, [{ name: "", email: "other@example.com" }], null)).toEqual({
      from: author,
      note: null,
    });
  });

  it("leaves a rewritten From alone when Reply-To does not name exactly one other person", () => {
    expect(unmungeFrom(list, [], null).from).toEqual(list);
    expect(unmungeFrom(list, [author, { name: "", email: "x@example.com" }], null).from).toEqual(list);
  });
});
