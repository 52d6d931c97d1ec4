import { describe, expect, it } from "vitest";

import { nameUuid } from "./name-uuid";

describe("name-based UUIDs (version 5)", () => {
  it("give the published value for www.example.com in the DNS namespace", () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com")
    expect(nameUuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("are the same for the same name and differ for another", () => {
    const ns = "9efb5c28-88c3-4e58-b372-5dd337b32b3c";
    expect(nameUuid(ns, "a")).toBe(nameUuid(ns, "a"));
    expect(nameUuid(ns, "a")).not.toBe(nameUuid(ns, "b"));
  });
});
