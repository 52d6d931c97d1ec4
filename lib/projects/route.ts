import type { ProjectConfig } from "../config/projects-file";
import type { Mail } from "../mail/types";

/**
 * Which projects a message belongs to. A project takes a message when one of its list
 * addresses is in To/Cc (or its List-Id matches) and the subject passes its prefix
 * rules: `requirePrefixes` (qemu-web, libvirt's python) and `refusePrefixes` (QEMU
 * refuses qemu-web). Cross-posts (qemu-devel + qemu-block) go to every matching project.
 *
 * When an archive is imported with `--project NAME`, the addresses are not checked for
 * NAME and its subprojects (an archive of one list may not name it in every mail), but
 * the prefix rules still are: patchew refuses `[qemu-web PATCH]` for QEMU even then.
 */
export interface Route {
  project: string;
  reason: string;
}

export interface Unrouted {
  reason: string;
}

type RoutingMail = Pick<Mail, "to" | "cc" | "listId" | "parsedSubject">;

function prefixVerdict(project: ProjectConfig, mail: RoutingMail): { ok: boolean; why: string } {
  const words = new Set([...mail.parsedSubject.prefixes, ...mail.parsedSubject.listTags]);
  const refused = project.refusePrefixes.find((p) => words.has(p));
  if (refused) return { ok: false, why: `subject prefix '${refused}' is refused by ${project.name}` };
  if (project.requirePrefixes.length > 0) {
    const found = project.requirePrefixes.find((p) => words.has(p));
    if (!found)
      return {
        ok: false,
        why: `${project.name} needs one of the prefixes ${project.requirePrefixes.join(", ")}`,
      };
    return { ok: true, why: `prefix '${found}'` };
  }
  return { ok: true, why: "" };
}

function addressVerdict(project: ProjectConfig, mail: RoutingMail): string | null {
  const recipients = [...mail.to, ...mail.cc].map((a) => a.email);
  const list = project.lists.find((l) => recipients.includes(l));
  if (list) return `${list} in To/Cc`;
  if (mail.listId && project.listIds.includes(mail.listId.toLowerCase())) return `List-Id ${mail.listId}`;
  return null;
}

function familyOf(projects: ProjectConfig[], root: string): Set<string> {
  const family = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of projects) {
      if (p.parent && family.has(p.parent) && !family.has(p.name)) {
        family.add(p.name);
        grew = true;
      }
    }
  }
  return family;
}

export function routeMessage(
  mail: RoutingMail,
  projects: ProjectConfig[],
  importInto?: string,
): { routes: Route[]; refusals: string[] } {
  const routes: Route[] = [];
  const refusals: string[] = [];
  const forced = importInto ? familyOf(projects, importInto) : new Set<string>();
  for (const project of projects) {
    const byAddress = addressVerdict(project, mail);
    const isForced = forced.has(project.name);
    // Subprojects of an imported project still need their prefix, so only the named
    // project itself is taken without an address match.
    const addressOk =
      byAddress !== null || project.name === importInto || (isForced && project.requirePrefixes.length > 0);
    if (!addressOk) continue;
    const prefixes = prefixVerdict(project, mail);
    if (!prefixes.ok) {
      refusals.push(prefixes.why);
      continue;
    }
    const how = byAddress ?? `imported with --project ${importInto}`;
    routes.push({ project: project.name, reason: prefixes.why ? `${how}, ${prefixes.why}` : how });
  }
  return { routes, refusals };
}

/**
 * The projects a message goes to, or, when none takes it, why not: the refusals when a
 * project's prefix rules turned it away, otherwise the missing address. The reason is
 * kept on the message and shown by `patchwatch why`.
 */
export function routeOrExplain(
  mail: RoutingMail,
  projects: ProjectConfig[],
  importInto?: string,
): { routes: Route[]; unroutedReason: string | null } {
  const { routes, refusals } = routeMessage(mail, projects, importInto);
  const unroutedReason = routes.length
    ? null
    : refusals.length
      ? `not routed: ${refusals.join("; ")}`
      : "not routed: no configured project's list address or List-Id is in its headers";
  return { routes, unroutedReason };
}
