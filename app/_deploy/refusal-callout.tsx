// A refused confirm or stop, inline under its button: what happened, the checks that blocked, what to do.
import type { ActionState } from "./action-state";

export function RefusalCallout({ error }: { error: NonNullable<ActionState["error"]> }) {
  return (
    <div role="alert" className="space-y-1 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
      <p className="font-medium">Refused ({error.status}): {error.message}</p>
      {error.checks && error.checks.length > 0 && (
        <ul className="list-disc pl-5 text-fg/90">
          {error.checks.map((c, i) => (
            <li key={`${c.check}-${i}`}>{c.message}</li>
          ))}
        </ul>
      )}
      {error.action && <p className="text-xs text-muted">{error.action}</p>}
    </div>
  );
}
