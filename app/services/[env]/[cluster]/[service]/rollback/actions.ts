"use server";
// "Confirm rollback" / "Confirm deploy": the role again (the page showing the form is not proof), the
// form through the deploy verbs' own zod schemas, then startOperation with the idempotency key minted
// when the page rendered (a double click or a resubmit creates one operation) and the task definition
// and PRIMARY deployment the plan showed (a changed service is refused as stale). Success goes to the
// operation's page; a refusal comes back to the form in words.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageRole } from "@/app/_lib/page-actor";
import type { ActionState } from "@/app/_deploy/action-state";
import { formFields, refusalState } from "@/app/_deploy/refusal-state";
import { withRequestLog } from "@/app/_deploy/request-log";
import { deployContext, idempotencyKeySchema, reasonSchema, serviceRefSchema, startOperation, targetFromQuery, taskDefinitionArnSchema } from "@/lib/deploy";
import { REASON_MAX_LENGTH } from "@/lib/domain/reason-limit";
import { BadRequestError } from "@/lib/errors";
import { parseOrBadRequest } from "@/lib/queries/params";

const confirmSchema = serviceRefSchema.extend({
  action: z.enum(["rollback", "deploy"], { error: 'action must be "rollback" or "deploy"' }),
  reason: reasonSchema,
  idempotencyKey: idempotencyKeySchema,
  expectedTaskDefinition: taskDefinitionArnSchema,
  expectedPrimaryDeployment: z.string().min(1).max(2048).optional(),
  // Only admins see the field; an empty field is no override.
  overrideReason: z.string().trim().max(REASON_MAX_LENGTH, `override reason must be at most ${REASON_MAX_LENGTH.toLocaleString("en-US")} characters`).optional().transform((v) => v || undefined),
});

const TARGET_FIELDS = ["revision", "container", "tag", "digest"] as const;

function targetOf(fields: Record<string, string>) {
  const query = new URLSearchParams(TARGET_FIELDS.flatMap((name) => (fields[name] ? [[name, fields[name]]] : [])));
  const target = targetFromQuery(query);
  if (!target.success) throw new BadRequestError(`target: ${target.error.issues[0]?.message ?? "is invalid"}`);
  return target.data;
}

export async function confirmOperation(_previous: ActionState, form: FormData): Promise<ActionState> {
  let operationId: string;
  try {
    const actor = await requirePageRole("deployer");
    const fields = formFields(form);
    const input = parseOrBadRequest(confirmSchema, fields);
    const ctx = await deployContext(actor);
    const { operation } = await withRequestLog(actor, () => startOperation(ctx, {
      ref: { env: input.env, cluster: input.cluster, service: input.service },
      idempotencyKey: input.idempotencyKey,
      action: input.action,
      target: targetOf(fields),
      reason: input.reason,
      expectedTaskDefinition: input.expectedTaskDefinition,
      ...(input.expectedPrimaryDeployment && { expectedPrimaryDeployment: input.expectedPrimaryDeployment }),
      ...(input.overrideReason && { override: { scanGate: input.overrideReason } }),
    }));
    operationId = operation.id;
  } catch (error) {
    return refusalState(error);
  }
  redirect(`/operations/${operationId}`);
}
