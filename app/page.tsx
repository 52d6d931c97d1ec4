import { getProjectOverview } from "@/lib/db/projects/project-overview";
import { getServerDb } from "@/lib/db/server-db";

export const dynamic = "force-dynamic";

function formatDate(d: Date | null): string {
  return d ? d.toISOString().slice(0, 10) : "—";
}

export default async function HomePage() {
  const projects = await getProjectOverview(getServerDb());
  return (
    <section aria-labelledby="projects-heading">
      <h1 id="projects-heading" className="mb-4 text-2xl font-semibold">
        Projects
      </h1>
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-zinc-300 text-left dark:border-zinc-700">
            <th scope="col" className="py-2 pr-4">
              Project
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Messages
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Series
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Complete
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Reviewed
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Obsolete
            </th>
            <th scope="col" className="py-2">
              Last activity
            </th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.name} className="border-b border-zinc-100 dark:border-zinc-800" data-project={p.name}>
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {p.displayName}
                {p.parent ? (
                  <span className="ml-2 text-xs text-zinc-500">subproject of {p.parent}</span>
                ) : null}
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{p.messages}</td>
              <td className="py-2 pr-4 text-right tabular-nums" data-testid={`series-count-${p.name}`}>
                {p.series}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{p.complete}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{p.reviewed}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{p.obsolete}</td>
              <td className="py-2">{formatDate(p.lastActivity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
