"use client";
// The confirm step of the plan page: a reason, the admin's scan-gate override when the gate blocks,
// and one button. Everything that says what to change arrives as hidden fields the page rendered
// (target, idempotency key, the task definition and deployment the plan saw); the action checks them all.
import { useActionState } from "react";
import { IDLE } from "./action-state";
import { confirmOperation } from "@/app/services/[env]/[cluster]/[service]/rollback/actions";
import { ReasonField } from "./reason-field";
import { RefusalCallout } from "./refusal-callout";

export interface ConfirmProps {
  hidden: Record<string, string>;
  verb: "rollback" | "deploy";
  /** Why confirm is disabled (a blocking check no override can lift); undefined when it may go ahead. */
  blockedBecause?: string;
  /** The scan gate blocks and the viewer is an admin: an override reason lets it through. */
  offerOverride: boolean;
}

export function ConfirmForm({ hidden, verb, blockedBecause, offerOverride }: ConfirmProps) {
  const [state, action, pending] = useActionState(confirmOperation, IDLE);
  return (
    <form action={action} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ReasonField id="confirm-reason" label="Reason (required: an incident link or a sentence)" placeholder="INC-123: …" />
      {offerOverride && <ReasonField id="override-reason" name="overrideReason" label="Override the scan gate (admin): why deploy an image with CRITICAL findings" />}
      {blockedBecause && <p className="text-sm text-danger">Confirm is disabled: {blockedBecause}</p>}
      <button
        type="submit"
        disabled={blockedBecause !== undefined || pending}
        className="inline-flex h-11 items-center rounded-md bg-accent px-4 text-sm font-medium text-bg hover:bg-accent/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50 sm:h-9"
      >
        {pending ? "Starting…" : verb === "deploy" ? "Confirm deploy" : "Confirm rollback"}
      </button>
      {state.error && <RefusalCallout error={state.error} />}
    </form>
  );
}
