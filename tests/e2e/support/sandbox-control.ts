// The sandbox's control API for the write journeys: reset the demo, move its clock on (so a rollout,
// a circuit breaker or a blue/green bake time plays out in seconds), and count AWS calls.
import { sandboxUrl } from "../sandbox-truth";

async function control(path: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandboxUrl}/_sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export const resetDemo = () => control("reset", "POST", { scenario: "demo" });

export const advanceClock = (ms: number) => control("clock", "POST", { advanceMs: ms });

/** AWS calls of one operation (e.g. "UpdateService") the sandbox has received since its last reset. */
export async function callsOf(operation: string): Promise<number> {
  const counters = (await control("counters", "GET")) as { operations?: Record<string, { calls?: number }> };
  return counters.operations?.[operation]?.calls ?? 0;
}
