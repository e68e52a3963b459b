// ECS's clock and ours. ECS stamps a deployment when it creates it (createdAt) and when it enters a
// lifecycle stage (updatedAt); our server knows when it asked for that deployment. The difference
// between those two instants is how far ECS's clock is from ours: near zero on AWS, but a sandbox may
// run faster than real time. With it, the operation page puts ECS's event times on the server's clock
// (one clock per page), and counts the blue/green bake down on ECS's clock. The browser's clock never
// takes part: a laptop's clock would otherwise turn a 4-minute bake into hours.

/** ECS's clock minus ours, from a deployment we created: its createdAt against when we asked for it. */
export function ecsClockOffsetMs(ecsCreatedAt: Date | undefined, requestedAt: Date): number {
  return ecsCreatedAt ? ecsCreatedAt.getTime() - requestedAt.getTime() : 0;
}

export interface BakeInput {
  /** The service deployment's status: only an IN_PROGRESS deployment is baking. */
  status?: string;
  lifecycleStage?: string;
  bakeTimeInMinutes?: number;
  /** ECS's time the deployment entered its current stage (the service deployment's updatedAt). */
  stageEnteredAt?: Date;
  /** ecsClockOffsetMs of this deployment. */
  ecsOffsetMs: number;
  /** Our server's time now. */
  now: Date;
}

/** Milliseconds of bake time left, or undefined when the deployment is not baking or ECS gave no stage time. */
export function bakeTimeLeftMs(input: BakeInput): number | undefined {
  const { status, lifecycleStage, bakeTimeInMinutes, stageEnteredAt } = input;
  if (status !== "IN_PROGRESS" || lifecycleStage !== "BAKE_TIME") return undefined;
  if (bakeTimeInMinutes === undefined || !stageEnteredAt) return undefined;
  const bakeMs = bakeTimeInMinutes * 60_000;
  const ecsNow = input.now.getTime() + input.ecsOffsetMs;
  return Math.min(bakeMs, Math.max(0, stageEnteredAt.getTime() + bakeMs - ecsNow));
}
