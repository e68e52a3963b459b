// An OperationView as JSON carries it (GET /api/v1/operations/{id}, and the page's first render):
// dates are ISO strings. The page serializes once so the island's first render and every poll agree.
import type { OperationView } from "@/lib/deploy";

export type OperationJson = Omit<OperationView, "startedAt" | "finishedAt" | "children"> & { startedAt: string; finishedAt: string | null; children?: OperationJson[] };

export interface OutcomeDetail {
  ecsReason?: string;
  fallback?: boolean;
  stoppedTasks?: { task: string; revision: string; reason: string; at?: string }[];
}

export function toOperationJson(view: OperationView): OperationJson {
  return JSON.parse(JSON.stringify(view)) as OperationJson;
}

export function outcomeDetailOf(op: OperationJson): OutcomeDetail {
  return typeof op.outcomeDetail === "object" && op.outcomeDetail !== null ? (op.outcomeDetail as OutcomeDetail) : {};
}
