"use server";
// "Confirm restore": the role again, the ticked services, reason and moment through the restore verb's
// own schemas, then startRestore with the idempotency key minted when the page rendered (a double click
// or a resubmit creates one restore). Success goes to the restore's page; a refusal comes back in words.
import { redirect } from "next/navigation";
import { requirePageRole } from "@/app/_lib/page-actor";
import type { ActionState } from "@/app/_deploy/action-state";
import { refusalState } from "@/app/_deploy/refusal-state";
import { deployContext, idempotencyKeySchema, restoreRequestSchema, startRestore } from "@/lib/deploy";
import { envIdSchema, parseOrBadRequest } from "@/lib/queries/params";

const confirmSchema = restoreRequestSchema.extend({ env: envIdSchema, idempotencyKey: idempotencyKeySchema });

export async function confirmRestore(_previous: ActionState, form: FormData): Promise<ActionState> {
  let parentId: string;
  try {
    const actor = await requirePageRole("deployer");
    const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
    const services = form.getAll("service").filter((v): v is string => typeof v === "string");
    const input = parseOrBadRequest(confirmSchema, { env: text("env"), at: text("at"), reason: text("reason"), idempotencyKey: text("idempotencyKey"), services });
    const { operation } = await startRestore(await deployContext(actor), input);
    parentId = operation.id;
  } catch (error) {
    return refusalState(error);
  }
  redirect(`/operations/${parentId}`);
}
