import { getServerDb } from "@/lib/db/server-db";
import { loadHomePage } from "@/lib/views/project-overview";

import { ProjectTable } from "./_components/project-table";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { projects, now } = await loadHomePage(getServerDb(), new Date());
  return (
    <section aria-labelledby="projects-heading">
      <h1 id="projects-heading" className="mb-3 text-xl font-semibold">
        Projects
      </h1>
      {projects.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No projects yet: list them in projects.json.
        </p>
      ) : (
        <ProjectTable projects={projects} now={now} />
      )}
    </section>
  );
}
