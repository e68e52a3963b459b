// Every difference between the running and the target revision other than the images: environment
// names (changed or not, never values), secret names, container and task-level fields (CPU, memory,
// ports, roles, health checks, …), so nobody rolls back a config change by surprise.
import { Badge } from "@/components/ui/badge";
import type { FieldChange, NamedChange, TaskDefinitionDiff } from "@/lib/domain/task-definition-diff";

function Fields({ changes }: { changes: FieldChange[] }) {
  return (
    <dl className="space-y-1.5">
      {changes.map((c) => (
        <div key={c.field} className="min-w-0 text-xs">
          <dt className="code font-medium">{c.field}</dt>
          <dd className="grid gap-x-2 sm:grid-cols-[auto_1fr]">
            <span className="text-muted">now</span>
            <code className="break-all">{c.from ?? "(not set)"}</code>
            <span className="text-muted">then</span>
            <code className="break-all">{c.to ?? "(not set)"}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Names({ label, changes }: { label: string; changes: NamedChange[] }) {
  return (
    <p className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-muted">{label}:</span>
      {changes.map((c) => (
        <span key={c.name} className="inline-flex items-center gap-1">
          <code>{c.name}</code>
          <Badge tone={c.change === "changed" ? "warn" : c.change === "added" ? "info" : "danger"}>{c.change}</Badge>
        </span>
      ))}
    </p>
  );
}

export function PlanDiff({ diff }: { diff: TaskDefinitionDiff }) {
  const containers = diff.containers.filter((c) => c.environment.length + c.secrets.length + c.fields.length > 0 || c.status === "added" || c.status === "removed");
  if (diff.fields.length === 0 && containers.length === 0) {
    return <p className="text-sm text-muted">Nothing else changes: environment, secrets, CPU, memory, ports, roles and health checks stay as they are.</p>;
  }
  return (
    <div className="space-y-4">
      {diff.fields.length > 0 && (
        <section aria-label="Task-level changes" className="space-y-1.5">
          <h3 className="text-xs font-semibold">Task definition</h3>
          <Fields changes={diff.fields} />
        </section>
      )}
      {containers.map((c) => (
        <section key={c.name} aria-label={`Changes to container ${c.name}`} className="space-y-1.5">
          <h3 className="flex items-center gap-2 text-xs font-semibold">
            Container {c.name} {c.status !== "changed" && <Badge tone="warn">{c.status}</Badge>}
          </h3>
          {c.environment.length > 0 && <Names label="environment" changes={c.environment} />}
          {c.secrets.length > 0 && <Names label="secrets" changes={c.secrets} />}
          {c.fields.length > 0 && <Fields changes={c.fields} />}
        </section>
      ))}
    </div>
  );
}
