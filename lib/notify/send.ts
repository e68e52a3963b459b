// Sends one request and says how it went. A 2xx is delivered; anything else (another status, a
// redirect, a refused connection, no answer within the timeout) is a failure with a short reason for
// the delivery log. The timeout cuts a hanging receiver off so it holds a worker slot for at most that long.
import type { OutgoingRequest } from "./request";

export type SendResult = { ok: true } | { ok: false; error: string; retryAfter?: string | null };

const MAX_BODY_IN_ERROR = 200;

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return `request failed: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}

export async function send(request: OutgoingRequest, timeoutMs: number): Promise<SendResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body, redirect: "manual", signal });
    // Read the body (bounded by the same timeout) so the connection is freed, and keep its start for the log.
    const text = await response.text().catch(() => "");
    if (response.ok) return { ok: true };
    const said = text.trim().slice(0, MAX_BODY_IN_ERROR);
    return { ok: false, error: `HTTP ${response.status}${said ? `: ${said}` : ""}`, retryAfter: response.headers.get("retry-after") };
  } catch (error) {
    return { ok: false, error: networkReason(error, timeoutMs) };
  }
}
