// Deployment alarms (§8.4): while a deployment is in progress, including its alarm bake time, an alarm
// in ALARM fails it and, with `rollback`, rolls the service back. A ROLLING deployment with alarms does
// not finish when its tasks are healthy: it bakes first, looking stable all along (the §8.3 trap).
import type { Deployment } from "../types";
import { messages, reasons } from "./events";
import { failDeployment } from "./rollback";
import type { SimContext } from "./task-lifecycle";

/** Emulator choice: the alarm bake time is bakeTimeInMinutes when set, else 5 minutes (AWS derives it from the alarms). */
export const DEFAULT_ALARM_BAKE_MS = 5 * 60_000;

/** Fails `d` when one of its alarms is in ALARM; returns whether it did. */
export function checkAlarms(ctx: SimContext, d: Deployment, at: number): boolean {
  const config = d.record.deploymentConfiguration.alarms;
  if (!config.enable || d.record.status !== "IN_PROGRESS") return false;
  const firing = ctx.alarms.firing(config.alarmNames);
  if (firing.length === 0) return false;
  d.record.alarmStatus = "TRIGGERED";
  d.record.triggeredAlarmNames = firing;
  failDeployment(
    ctx,
    d,
    at,
    { reason: reasons.alarmFailed(firing), event: messages.alarmFailed(d.service.name, d.id), rollingBack: reasons.alarmRollingBack },
    config.rollback,
  );
  return true;
}

/**
 * Whether a settled ROLLING deployment may complete at `now`: without alarms at once; with alarms once its
 * bake time, started the first time it settled, has run out.
 */
export function bakedEnough(d: Deployment, now: number): boolean {
  const record = d.record;
  if (!record.deploymentConfiguration.alarms.enable || record.status !== "IN_PROGRESS" || record.lifecycleStage !== undefined) return true;
  if (record.bakeStartedAt === undefined) {
    const minutes = record.deploymentConfiguration.bakeTimeInMinutes;
    record.bakeStartedAt = now;
    record.timerAt = now + (minutes === undefined ? DEFAULT_ALARM_BAKE_MS : minutes * 60_000);
    record.updatedAt = now;
  }
  return (record.timerAt ?? now) <= now;
}
