import { Badge, type Tone } from "@/components/ui/badge";
import type { RolloutSummary } from "@/lib/queries/types";

const TONE: Record<RolloutSummary["kind"], Tone> = {
  stable: "ok",
  "in-progress": "info",
  failed: "danger",
  "rolled-back": "danger",
  stuck: "warn",
};

/** Rollout state of a service; an in-progress rollout shows running/desired of the new deployment. */
export function RolloutBadge({
  rollout,
}: {
  rollout: Pick<RolloutSummary, "kind" | "label" | "detail"> & { progress: Pick<RolloutSummary["progress"], "running" | "desired"> };
}) {
  const { running, desired } = rollout.progress;
  return (
    <Badge tone={TONE[rollout.kind]} title={rollout.detail ?? rollout.label}>
      {rollout.kind === "in-progress" && (
        <svg aria-hidden viewBox="0 0 16 16" className="size-3 animate-spin motion-reduce:animate-none" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M14 8a6 6 0 1 1-6-6" strokeLinecap="round" />
        </svg>
      )}
      {rollout.label}
      {rollout.kind === "in-progress" && (
        <span className="tabular-nums opacity-80">
          {running}/{desired}
        </span>
      )}
    </Badge>
  );
}
