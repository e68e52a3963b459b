// What one AWS call did, as lib/aws's SDK middleware reports it: counted and timed in the metrics, and a
// log line (debug when it worked: the follower calls every second; warn when AWS answered an error).
import { log } from "./logger";
import { metrics } from "./metrics";

export interface AwsCall {
  service: "ecs" | "ecr";
  operation: string;
  durationMs: number;
  /** AWS's error code (ThrottlingException, AccessDeniedException…) or the client's (TimeoutError). */
  errorCode?: string;
}

export function recordAwsCall(call: AwsCall): void {
  const m = metrics();
  m.awsCalls.inc({ service: call.service, operation: call.operation, error_code: call.errorCode ?? "none" });
  m.awsCallDuration.observe({ service: call.service, operation: call.operation }, call.durationMs / 1000);
  const fields = { aws: { service: call.service, operation: call.operation, durationMs: Math.round(call.durationMs * 10) / 10, ...(call.errorCode && { errorCode: call.errorCode }) } };
  if (call.errorCode) log().warn(fields, "aws call failed");
  else log().debug(fields, "aws call");
}
