import { requestTime } from "@/app/_lib/request-time";
import { RepositoriesTable } from "@/components/images/repositories-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { listRepositories } from "@/lib/queries/repositories";
import { requirePageRole } from "@/app/_lib/page-actor";

export const metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  await requirePageRole("viewer");
  const serverNow = await requestTime();
  const view = await listRepositories();
  return (
    <>
      <PageHeader
        title="Repositories"
        description="ECR repositories of each environment, whether images are scanned on push, and which services run their images now."
        aside={<LiveStatus asOf={view.asOf} stale={view.stale} serverNow={serverNow} live={false} />}
      />
      <div className="space-y-6">
        {view.environments.map((env) => (
          <Card key={env.id} id={`env-${env.id}`} title={`${env.name} · ${env.region}`} description={`${env.repositories.length} repositories`} flush>
            {env.error && (
              <div className="p-3">
                <ErrorCallout title={`Could not list the repositories of ${env.name}`} error={env.error} />
              </div>
            )}
            {!env.error && env.repositories.length === 0 ? (
              <EmptyState title="No repositories">This account and region have no ECR repositories.</EmptyState>
            ) : (
              env.repositories.length > 0 && <RepositoriesTable envId={env.id} envName={env.name} repositories={env.repositories} />
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
