// "Deploy this image" on an image page: one link per service whose container is built from this
// repository, to that service's plan page with the image pinned by digest. Deployers and admins only.
import type { RepositoryUser } from "@/lib/queries/repository-users";
import { planHref } from "./target-href";

/** `users` is null when the services could not be read (the rest of the image page still renders). */
export function DeployImageLinks({ users, digest }: { users: RepositoryUser[] | null; digest: string }) {
  if (users === null) return <p className="text-sm text-danger">Could not read which services use this repository; open the service and use its Deploy button instead.</p>;
  if (users.length === 0) return <p className="text-sm text-muted">No service has a container built from this repository.</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Deploy this image">
      {users.map((u) => (
        <li key={`${u.cluster}/${u.service}/${u.container}`}>
          <a
            href={planHref({ env: u.envId, cluster: u.cluster, service: u.service }, { container: u.container, digest }, "deploy")}
            className="inline-flex h-11 items-center rounded-md border border-border-strong bg-surface px-3 text-sm hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent sm:h-8 sm:text-xs"
          >
            Deploy to {u.cluster}/{u.service} <span className="ml-1 text-muted">({u.container})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
