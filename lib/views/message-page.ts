import type { Db } from "../db/client";
import { getMessagePage, type MessagePage } from "../db/messages/get-message-page";
import { type PreparedFile, prepareDiffs } from "../ui/prepare-diffs";

export interface MessagePageView {
  page: MessagePage;
  /** The files of the message's diff ready to render; empty when it carries none. */
  files: PreparedFile[];
}

/** One message by its Message-ID, or null when nothing was ever stored under it. */
export async function loadMessagePage(db: Db, msgid: string): Promise<MessagePageView | null> {
  const page = await getMessagePage(db, msgid);
  if (!page) return null;
  const diff = page.message?.diff;
  return {
    page,
    files: diff ? prepareDiffs([diff])[0]! : [],
  };
}
