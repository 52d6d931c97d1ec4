import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { inSqlTransaction } from "../client";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { linkPeople } from "./link-people";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const link = (senders: { name: string; email: string }[]) =>
  inSqlTransaction(t.db, (sql) => linkPeople(sql, senders));

describe("linkPeople", () => {
  it("gives the addresses of one full name, seen in the same batch, one person", async () => {
    const people = await link([
      { name: "Andrea Cervesato", email: "andrea.cervesato@suse.de" },
      { name: "andrea  cervesato", email: "andrea.cervesato@suse.com" },
      { name: "Petr Vorel", email: "pvorel@suse.cz" },
    ]);
    expect(people.get("andrea.cervesato@suse.de")).toBe(people.get("andrea.cervesato@suse.com"));
    expect(people.get("pvorel@suse.cz")).not.toBe(people.get("andrea.cervesato@suse.de"));
    expect(await t.prisma.person.count()).toBe(2);
  });

  it("joins a new address to the person who already has its full name", async () => {
    const before = await link([{ name: "Petr Vorel", email: "pvorel@suse.cz" }]);
    const after = await link([{ name: "Petr Vorel", email: "petr.vorel@gmail.com" }]);
    expect(after.get("petr.vorel@gmail.com")).toBe(before.get("pvorel@suse.cz"));
  });

  it("never merges one-word names, and keeps an address's person once it has one", async () => {
    const people = await link([
      { name: "root", email: "root@host-a.example" },
      { name: "root", email: "root@host-b.example" },
      { name: "", email: "nobody@example.org" },
    ]);
    expect(people.get("root@host-a.example")).not.toBe(people.get("root@host-b.example"));
    const person = await t.prisma.person.findUniqueOrThrow({
      where: { id: people.get("nobody@example.org")! },
    });
    expect(person.name).toBe("nobody@example.org");
    // The same address under another name later: still the same person.
    const again = await link([{ name: "Root Account", email: "root@host-a.example" }]);
    expect(again.get("root@host-a.example")).toBe(people.get("root@host-a.example"));
  });
});
