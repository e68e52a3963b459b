"use server";
// "Stop the restore" on a restore's page: the deployer role again, the reason through the verbs' schema,
// the idempotency key minted when the page rendered, then stopRestore (a stop of every child still in
// progress) and back to the restore's page.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageRole } from "@/app/_lib/page-actor";
import type { ActionState } from "@/app/_deploy/action-state";
import { formFields, refusalState } from "@/app/_deploy/refusal-state";
import { deployContext, idempotencyKeySchema, reasonSchema, stopRestore } from "@/lib/deploy";
import { parseOrBadRequest } from "@/lib/queries/params";

const stopSchema = z.strictObject({ id: z.uuid({ error: "id must be a restore's id" }), reason: reasonSchema, idempotencyKey: idempotencyKeySchema });

export async function stopRestoreAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  let id: string;
  try {
    const actor = await requirePageRole("deployer");
    const input = parseOrBadRequest(stopSchema, formFields(form));
    id = (await stopRestore(await deployContext(actor), input)).operation.id;
  } catch (error) {
    return refusalState(error);
  }
  redirect(`/operations/${id}`);
}
