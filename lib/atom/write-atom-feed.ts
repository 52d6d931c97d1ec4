import { el, writeXmlDocument, type XmlElement } from "./xml";

/** An Atom feed (RFC 4287) as plain data; writeAtomFeed turns it into the document. */
export interface AtomFeed {
  /** A permanent, universally unique IRI (§4.2.6). */
  id: string;
  title: string;
  subtitle?: string;
  updated: Date;
  /** The feed's own URL (rel="self", §4.2.7.2) and the page it mirrors (rel="alternate"). */
  selfUrl: string;
  htmlUrl: string;
  entries: AtomEntry[];
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  author: { name: string; email?: string };
  htmlUrl: string;
  /** Plain text. */
  summary: string;
  categories?: string[];
}

const ATOM_NS = "http://www.w3.org/2005/Atom";

/** §3.3: a date construct is an RFC 3339 date-time; ISO 8601 in UTC is one. */
const date = (d: Date) => d.toISOString();

function authorElement(author: AtomEntry["author"]): XmlElement {
  // §3.2.1: atom:name is required and a name-less sender is common; fall back to the address.
  const name = author.name.trim() || author.email || "unknown";
  return author.email
    ? el("author", {}, el("name", {}, name), el("email", {}, author.email))
    : el("author", {}, el("name", {}, name));
}

function entryElement(entry: AtomEntry): XmlElement {
  return el(
    "entry",
    {},
    el("id", {}, entry.id),
    el("title", { type: "text" }, entry.title),
    el("updated", {}, date(entry.updated)),
    ...(entry.published ? [el("published", {}, date(entry.published))] : []),
    authorElement(entry.author),
    el("link", { rel: "alternate", type: "text/html", href: entry.htmlUrl }),
    ...(entry.categories ?? []).map((term) => el("category", { term })),
    el("summary", { type: "text" }, entry.summary),
  );
}

export function writeAtomFeed(feed: AtomFeed): string {
  return writeXmlDocument(
    el(
      "feed",
      { xmlns: ATOM_NS },
      el("id", {}, feed.id),
      el("title", { type: "text" }, feed.title),
      ...(feed.subtitle ? [el("subtitle", { type: "text" }, feed.subtitle)] : []),
      el("updated", {}, date(feed.updated)),
      el("link", { rel: "self", type: "application/atom+xml", href: feed.selfUrl }),
      el("link", { rel: "alternate", type: "text/html", href: feed.htmlUrl }),
      el("generator", {}, "Patchwatch"),
      ...feed.entries.map(entryElement),
    ),
  );
}
