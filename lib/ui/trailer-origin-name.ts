/** The trailer origins the database records (prisma/schema.prisma, enum TrailerOrigin). */
export type TrailerOriginName = "in_patch" | "reply_to_patch" | "reply_to_cover" | "range_reply" | "carried";
