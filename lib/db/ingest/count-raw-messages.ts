import { type Db, prisma } from "../client";

/** How many raw messages are stored, whatever their state: 0 means a database nothing was ever imported into. */
export async function countRawMessages(db: Db): Promise<number> {
  return prisma(db).rawMessage.count();
}
