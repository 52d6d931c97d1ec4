import { seriesHref } from "../ui/list-params";

/** Where a series lives on this server: its JSON detail and its web page (paths, so any host serves them). */
export function seriesLinks(project: string, headMsgid: string): { self: string; html: string } {
  return { self: `/api/v1/series${seriesHref(project, headMsgid)}`, html: seriesHref(project, headMsgid) };
}

/** The series as a `git am` mbox with its collected trailers (app/[project]/[msgid]/mbox). */
export function seriesMboxHref(project: string, headMsgid: string): string {
  return `${seriesHref(project, headMsgid)}/mbox`;
}
