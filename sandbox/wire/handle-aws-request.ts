// The AWS side of the sandbox: one POST / per call, routed on X-Amz-Target to the ECS or ECR operation
// table, with fault injection and the IAM check in front and the AWS error envelope around everything.
// Nothing thrown here escapes: a bug in an operation becomes a 500 ServerException and the server keeps serving.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AwsError } from "../core/aws-error";
import type { OperationTable } from "../core/operation";
import { authorize } from "../iam/authorize";
import { ecrOperations } from "../ecr/operations";
import { ecsOperations } from "../ecs/operations";
import type { SandboxRuntime } from "../runtime";
import { callerFromAuthorization } from "./caller";
import { checkContentType, parseJsonObject } from "./parse-request";
import { BodyTooLargeError, readBody } from "./read-body";
import { asAwsError, sendAwsError, sendAwsJson } from "./respond";
import { parseTarget, type ServiceName } from "./target";

export type OperationTables = Readonly<Record<ServiceName, OperationTable>>;

const AWS_TABLES: OperationTables = { ecs: ecsOperations, ecr: ecrOperations };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `tables` is only swapped by the platform tests, to prove a crashing operation becomes a ServerException. */
export async function handleAwsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: SandboxRuntime,
  tables: OperationTables = AWS_TABLES,
): Promise<void> {
  const requestId = randomUUID();
  let countedAs: string | undefined;
  try {
    const body = await readBody(req).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) throw new AwsError("SerializationException", error.message);
      throw error;
    });
    checkContentType(req.headers["content-type"]);
    const targetHeader = header(req, "x-amz-target");
    const target = parseTarget(targetHeader);
    const table = target ? tables[target.service] : undefined;
    const operation = target && table && Object.hasOwn(table, target.operation) ? table[target.operation] : undefined;
    if (!target || !operation) {
      throw new AwsError("UnknownOperationException", `Unknown operation ${targetHeader ?? "(no X-Amz-Target)"}`);
    }
    const caller = callerFromAuthorization(header(req, "authorization"));
    countedAs = target.operation;
    runtime.counters.record(countedAs, "calls");

    const proceed = await applyFaults(req, res, runtime, { ...target, ...caller }, requestId);
    if (!proceed) return;

    const input = parseJsonObject(body);
    const world = runtime.worlds.get(caller.account, caller.region);
    const now = runtime.clock.now();
    runtime.worlds.advance(world, now);
    authorize(runtime.iam, { accessKeyId: caller.accessKeyId, ...target, input, world });
    const output = operation(input, { ...caller, now, world });
    sendAwsJson(res, 200, output, requestId);
  } catch (error) {
    const awsError = asAwsError(error, countedAs ?? "request dispatch");
    if (countedAs) runtime.counters.record(countedAs, "errors");
    if (!res.headersSent) sendAwsError(res, awsError, requestId);
    else res.destroy();
  }
}

/** Returns false when a fault already answered (or dropped) the call. */
async function applyFaults(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: SandboxRuntime,
  call: { service: ServiceName; operation: string; account: string; region: string },
  requestId: string,
): Promise<boolean> {
  const decision = runtime.faults.decide(call);
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  switch (decision.outcome) {
    case "pass":
      return true;
    case "drop":
      runtime.counters.record(call.operation, "dropped");
      req.socket.destroy();
      return false;
    case "throttle":
      runtime.counters.record(call.operation, "throttled");
      sendAwsError(res, new AwsError("ThrottlingException", "Rate exceeded"), requestId);
      return false;
    case "error":
      runtime.counters.record(call.operation, "injectedErrors");
      sendAwsError(res, new AwsError("ServerException", "Service Unavailable (injected by the sandbox)", 500), requestId);
      return false;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
