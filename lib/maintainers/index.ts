export { findMaintainers, matchSections, type SectionMatch } from "./match";
export { formatMaintainerLines } from "./format";
export { DIALECTS, parseMaintainers } from "./parse";
export { scanPatch } from "./patch-files";
export type {
  MaintainerEntry,
  MaintainerRole,
  MaintainersDialect,
  MaintainersFile,
  ParseOptions,
  Section,
} from "./types";
