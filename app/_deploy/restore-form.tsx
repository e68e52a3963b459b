"use client";
// The restore's confirm step: the plan table (server-rendered, with its boxes) inside one form, one
// reason, one button. The moment, the environment and the idempotency key minted at render arrive as
// hidden fields; the action re-plans and checks everything.
import { useActionState, type ReactNode } from "react";
import { confirmRestore } from "@/app/environments/[env]/restore/actions";
import { IDLE } from "./action-state";
import { ReasonField } from "./reason-field";
import { RefusalCallout } from "./refusal-callout";

export function RestoreForm({ hidden, restorable, children }: { hidden: Record<string, string>; restorable: number; children: ReactNode }) {
  const [state, action, pending] = useActionState(confirmRestore, IDLE);
  return (
    <form action={action} className="space-y-4" aria-label="Restore">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="space-y-3 px-3 pb-3">
        <ReasonField id="restore-reason" label="Reason (required: an incident link or a sentence)" placeholder="INC-123: …" />
        {restorable === 0 && <p className="text-sm text-danger">Confirm is disabled: no service can be restored to this moment.</p>}
        <button
          type="submit"
          disabled={restorable === 0 || pending}
          className="inline-flex h-11 items-center rounded-md bg-accent px-4 text-sm font-medium text-bg hover:bg-accent/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-50 sm:h-9"
        >
          {pending ? "Starting…" : "Confirm restore"}
        </button>
        {state.error && <RefusalCallout error={state.error} />}
      </div>
    </form>
  );
}
