// The preflight as the person about to confirm needs it: each check (ok / warn / block) in words, the
// scan counts of the target next to what runs now, who holds the service's lock, and how ECS will
// roll the change out (blue/green bake time, circuit breaker, alarms).
import { Badge, type Tone } from "@/components/ui/badge";
import { SeverityPills } from "@/components/ui/severity";
import { formatDateTime } from "@/components/ui/time-format";
import type { PlanView } from "@/lib/deploy";
import type { SeverityCounts } from "@/lib/domain/types";

const TONE: Record<string, Tone> = { ok: "ok", warn: "warn", block: "danger" };

export interface ScanSides {
  container: string;
  running?: SeverityCounts;
  target?: SeverityCounts;
}

function Strategy({ config }: { config: PlanView["deploymentConfiguration"] }) {
  const parts = [
    config.strategy === "BLUE_GREEN" ? `blue/green${config.bakeTimeInMinutes !== undefined ? `, ${config.bakeTimeInMinutes} min bake time before the old tasks stop` : ""}` : (config.strategy?.toLowerCase() ?? "rolling"),
    config.circuitBreaker?.enable ? `circuit breaker${config.circuitBreaker.rollback ? " rolls back a failing deployment" : " on (no rollback)"}` : "no circuit breaker",
    config.alarms?.enable && config.alarms.alarmNames.length > 0 ? `alarms ${config.alarms.alarmNames.join(", ")}${config.alarms.rollback ? " roll back" : ""}` : undefined,
  ].filter(Boolean);
  return <p className="text-xs text-muted">Strategy: {parts.join(" · ")}.</p>;
}

export function PreflightChecks({ plan, scans, operationHref }: { plan: PlanView; scans: ScanSides[]; operationHref?: string }) {
  return (
    <div className="space-y-3">
      <ul className="space-y-1.5" aria-label="Preflight checks">
        {plan.preflight.checks.map((c, i) => (
          <li key={`${c.id}-${c.container ?? ""}-${i}`} className="flex items-start gap-2 text-sm">
            <span className="w-14 shrink-0">
              <Badge tone={TONE[c.status] ?? "neutral"}>{c.status}</Badge>
            </span>
            <span className="min-w-0 break-words">{c.message}</span>
          </li>
        ))}
      </ul>
      {scans.length > 0 && (
        <dl className="grid gap-2 rounded-md border border-border p-3 text-xs sm:grid-cols-[auto_1fr_1fr]" aria-label="Scan findings, target next to running">
          <dt className="hidden text-muted sm:block">Container</dt>
          <dd className="hidden text-muted sm:block">Runs now</dd>
          <dd className="hidden text-muted sm:block">Target</dd>
          {scans.map((s) => (
            <div key={s.container} className="contents">
              <dt className="font-medium">{s.container}</dt>
              <dd>
                <span className="text-muted sm:hidden">now </span>
                <SeverityPills counts={s.running} />
              </dd>
              <dd>
                <span className="text-muted sm:hidden">target </span>
                <SeverityPills counts={s.target} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {plan.lock && (
        <p className="text-sm text-warn">
          {plan.lock.holder} holds this service since {formatDateTime(new Date(plan.lock.since))}
          {operationHref && (
            <>
              {" "}
              — <a href={operationHref} className="underline">see the operation</a>
            </>
          )}
          .
        </p>
      )}
      <Strategy config={plan.deploymentConfiguration} />
    </div>
  );
}
