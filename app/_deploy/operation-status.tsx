// An operation's status as a badge: only `succeeded` is green; a rollback by ECS, a stop, a failure and
// a timeout each look clearly different from it, and "running" says it is not over.
import { Badge, type Tone } from "@/components/ui/badge";
import type { OperationView } from "@/lib/deploy";

const LOOK: Record<OperationView["status"], { tone: Tone; label: string }> = {
  running: { tone: "info", label: "running" },
  succeeded: { tone: "ok", label: "succeeded" },
  rolled_back: { tone: "danger", label: "rolled back by ECS" },
  stopped: { tone: "warn", label: "stopped and rolled back" },
  failed: { tone: "danger", label: "failed" },
  superseded: { tone: "warn", label: "superseded" },
  timed_out: { tone: "danger", label: "timed out" },
  partial: { tone: "warn", label: "partly restored" },
};

export function OperationStatus({ status }: { status: OperationView["status"] }) {
  const look = LOOK[status];
  return (
    <span data-status={status}>
      <Badge tone={look.tone} title={status}>
        {look.label}
      </Badge>
    </span>
  );
}
