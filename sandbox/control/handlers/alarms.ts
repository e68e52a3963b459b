// POST /_sandbox/alarms: what CloudWatch would do to a deployment alarm. The sandbox has no CloudWatch,
// so this sets an alarm's state in one account+region; every alarm nobody set is OK.
import { z } from "zod";
import type { ControlRequest } from "../request";

const alarmSchema = z.strictObject({
  // CloudWatch alarm names: 1–255 characters.
  alarmName: z.string().min(1).max(255),
  state: z.enum(["OK", "ALARM"]),
});

export function setAlarm(request: ControlRequest): unknown {
  const input = alarmSchema.parse(request.body);
  request.world().ecs.setAlarmState(input.alarmName, input.state, request.runtime.clock.now());
  return { alarmName: input.alarmName, state: input.state };
}
