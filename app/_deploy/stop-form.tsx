"use client";
// "Stop and roll back" while a rollout is in progress: ECS stops the deployment and rolls back to what
// ran before. A reason is required like any change; the action checks the role again. On a restore's
// page the same form stops every child still in progress (`stop` is then stopRestoreAction).
import { useActionState } from "react";
import { stopAndRollBack } from "@/app/services/[env]/[cluster]/[service]/actions";
import { IDLE, type ActionState } from "./action-state";
import { ReasonField } from "./reason-field";
import { RefusalCallout } from "./refusal-callout";

type StopAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

export function StopForm({ hidden, stop = stopAndRollBack, label = "Stop and roll back" }: { hidden: Record<string, string>; stop?: StopAction; label?: string }) {
  const [state, action, pending] = useActionState(stop, IDLE);
  return (
    <form action={action} className="space-y-2" aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ReasonField id="stop-reason" label="Reason for stopping (required)" />
      <button
        type="submit"
        disabled={pending}
        className="inline-flex h-11 items-center rounded-md border border-danger/40 bg-danger-soft px-4 text-sm font-medium text-danger hover:bg-danger/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-50 sm:h-9"
      >
        {pending ? "Stopping…" : label}
      </button>
      {state.error && <RefusalCallout error={state.error} />}
    </form>
  );
}
