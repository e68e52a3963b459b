// Checks an AWS JSON 1.1 request the way the real endpoint does before any operation runs. Each failure
// is an AwsError, so the caller only has to render it.
import { AwsError } from "../core/aws-error";
import type { Input } from "../core/operation";
import { AWS_JSON_CONTENT_TYPE } from "./respond";

/**
 * Emulator choice: AWS routes JSON 1.1 calls by content type, so a body that is not
 * application/x-amz-json-1.1 matches no operation and is answered with UnknownOperationException (400).
 */
export function checkContentType(header: string | undefined): void {
  const mediaType = header?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== AWS_JSON_CONTENT_TYPE) {
    throw new AwsError("UnknownOperationException", `Unsupported content type: ${header ?? "(none)"}`);
  }
}

/** An empty body counts as {} (operations without input); anything else must be a JSON object. */
export function parseJsonObject(body: string): Input {
  if (body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AwsError("SerializationException", "Start of structure or map expected.");
  }
  return parsed as Input;
}
