-- IMAP sources: where reading each mailbox got to, and its status.
CREATE TABLE "imap_mailbox" (
    "id" SERIAL NOT NULL,
    "source_key" TEXT NOT NULL,
    "project" TEXT NOT NULL,
    "mailbox" TEXT NOT NULL,
    "uid_validity" BIGINT,
    "last_uid" BIGINT NOT NULL DEFAULT 0,
    "backlog" INTEGER NOT NULL DEFAULT 0,
    "connected" BOOLEAN NOT NULL DEFAULT false,
    "heartbeat_at" TIMESTAMP(3),
    "last_message_at" TIMESTAMP(3),
    "messages_read" BIGINT NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "imap_mailbox_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "imap_mailbox_source_key_key" ON "imap_mailbox"("source_key");
