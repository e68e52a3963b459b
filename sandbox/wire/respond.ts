// Writing AWS JSON 1.1 responses: the content type and request id every response carries, and the
// {"__type", "message"} error envelope that both SDK v3 and botocore read (aws-behaviour.md §1.4).
import type { ServerResponse } from "node:http";
import { AwsError } from "../core/aws-error";
import { serializeBody } from "./serialize";

export const AWS_JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

export function sendAwsJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const payload = serializeBody(body);
  res.writeHead(status, {
    "Content-Type": AWS_JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(payload),
    "x-amzn-RequestId": requestId,
  });
  res.end(payload);
}

export function sendAwsError(res: ServerResponse, error: AwsError, requestId: string): void {
  sendAwsJson(res, error.httpStatus, { __type: error.code, message: error.message }, requestId);
}

/** Anything that is not an AwsError is a sandbox bug: log it for us, answer like AWS's internal failure. */
export function asAwsError(error: unknown, context: string): AwsError {
  if (error instanceof AwsError) return error;
  console.error(`[sandbox] internal error in ${context}:`, error);
  return new AwsError("ServerException", "An internal error occurred in the sandbox.", 500);
}
