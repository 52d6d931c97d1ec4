import { seriesHref } from "../ui/list-params";

/** Links the robot's mails give, on this server's public URL. */
export function seriesUrl(publicUrl: string, project: string, headMsgid: string): string {
  return `${publicUrl}${seriesHref(project, headMsgid)}`;
}

export function seriesMboxUrl(publicUrl: string, project: string, headMsgid: string): string {
  return `${seriesUrl(publicUrl, project, headMsgid)}/mbox`;
}

export function testLogUrl(publicUrl: string, jobId: bigint): string {
  return `${publicUrl}/logs/${jobId}`;
}
