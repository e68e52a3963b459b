// The sandbox's clock for `npm run screenshots` (control API, sandbox/README.md): frozen before the
// dashboard first reads it, and moved on by a fixed step once a rollout is started, so every run shows
// the rollout at the same point whatever the machine's speed.
import { ShotError } from "./screenshot-browser";

async function clock(sandboxUrl: string, body?: { freeze?: true; advanceMs?: number }): Promise<{ now: number }> {
  const response = await fetch(`${sandboxUrl}/_sandbox/clock`, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json" },
    ...(body && { body: JSON.stringify(body) }),
  }).catch((error: unknown) => {
    throw new ShotError(`the sandbox's control API did not answer: ${String(error)}`);
  });
  if (!response.ok) throw new ShotError(`the sandbox refused ${JSON.stringify(body ?? "GET clock")}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { now: number };
}

export async function freezeClock(sandboxUrl: string): Promise<void> {
  await clock(sandboxUrl, { freeze: true });
}

export async function advanceClock(sandboxUrl: string, ms: number): Promise<void> {
  await clock(sandboxUrl, { advanceMs: ms });
}

/**
 * Moves the frozen clock to `leadMs` past this machine's time. The shots before it take a minute or two
 * while the sandbox stands still, and the operation page lists only the service events since the
 * operation started (by the server's clock), so a rollout made on a clock left behind would show none.
 */
export async function catchUpClock(sandboxUrl: string, leadMs: number): Promise<void> {
  const { now } = await clock(sandboxUrl);
  await advanceClock(sandboxUrl, Math.max(0, Date.now() + leadMs - now));
}
