"use server";
// "Stop and roll back" (ECS's own rollback of the deployment in progress), from the service page and
// an operation's page: the deployer role again, the reason through the verbs' schema, the idempotency
// key minted when the page rendered, then the operation's page.
import { redirect } from "next/navigation";
import { requirePageRole } from "@/app/_lib/page-actor";
import type { ActionState } from "@/app/_deploy/action-state";
import { formFields, refusalState } from "@/app/_deploy/refusal-state";
import { withRequestLog } from "@/app/_deploy/request-log";
import { deployContext, idempotencyKeySchema, reasonSchema, serviceRefSchema, stopRollout } from "@/lib/deploy";
import { parseOrBadRequest } from "@/lib/queries/params";

const stopSchema = serviceRefSchema.extend({ reason: reasonSchema, idempotencyKey: idempotencyKeySchema });

export async function stopAndRollBack(_previous: ActionState, form: FormData): Promise<ActionState> {
  let operationId: string;
  try {
    const actor = await requirePageRole("deployer");
    const input = parseOrBadRequest(stopSchema, formFields(form));
    const ctx = await deployContext(actor);
    const { operation } = await withRequestLog(actor, () =>
      stopRollout(ctx, { ref: { env: input.env, cluster: input.cluster, service: input.service }, idempotencyKey: input.idempotencyKey, reason: input.reason }),
    );
    operationId = operation.id;
  } catch (error) {
    return refusalState(error);
  }
  redirect(`/operations/${operationId}`);
}
