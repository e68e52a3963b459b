// The request id every request carries (x-request-id), set by proxy.ts: an id the load balancer or a
// caller sent is kept when it looks like an id, so one request can be followed across systems; anything
// else (too long, spaces, control characters that could forge log lines) is replaced by a fresh UUID.
export const REQUEST_ID_HEADER = "x-request-id";

const VALID = /^[A-Za-z0-9._:=+/-]{8,128}$/;

export function isValidRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && VALID.test(value);
}

/** The incoming id when valid, else a new one. */
export function requestIdFor(incoming: string | null): string {
  return isValidRequestId(incoming) ? incoming : crypto.randomUUID();
}
