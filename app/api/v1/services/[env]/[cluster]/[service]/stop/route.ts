// POST /api/v1/services/{env}/{cluster}/{service}/stop — stop and roll back the deployment in progress
// (ECS StopServiceDeployment; see docs/api.md). 202 with the operation that now carries the stop (a new
// `stop` operation, or ours that follows that deployment); 200 for a replayed Idempotency-Key.
import { stopRequestSchema, stopRollout } from "@/lib/deploy";
import { verbRoute } from "../../../../../_lib/verb-route";

export const dynamic = "force-dynamic";

export const POST = verbRoute(stopRequestSchema, stopRollout);
