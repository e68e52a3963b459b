// Standard Webhooks signatures (https://www.standardwebhooks.com/): `webhook-signature` is
// `v1,<base64 HMAC-SHA256(secret, "<webhook-id>.<webhook-timestamp>.<body>")>`, where the secret is the
// base64 after `whsec_`. Pure: the clock and the secret come in as arguments, so the spec's own example
// vector is a unit test. HMAC is computation, not I/O.
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SECRET_PREFIX = "whsec_";
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// The spec asks for 24 to 64 bytes; fewer is guessable.
const MIN_SECRET_BYTES = 16;
const MAX_SECRET_BYTES = 64;
/** How far a receiver lets `webhook-timestamp` drift from its clock (the spec's libraries use 5 minutes). */
export const DEFAULT_TOLERANCE_S = 5 * 60;

export class WebhookSecretError extends Error {
  override readonly name = "WebhookSecretError";
}

/** The key bytes of a `whsec_<base64>` secret; the message never repeats the secret. */
export function parseWebhookSecret(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new WebhookSecretError(`Expected "${WEBHOOK_SECRET_PREFIX}" followed by base64`);
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 === 1) throw new WebhookSecretError(`The part after "${WEBHOOK_SECRET_PREFIX}" is not base64`);
  const key = Buffer.from(encoded, "base64");
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new WebhookSecretError(`The key is ${key.length} bytes; use ${MIN_SECRET_BYTES}-${MAX_SECRET_BYTES} (e.g. "${WEBHOOK_SECRET_PREFIX}$(openssl rand -base64 32)")`);
  }
  return key;
}

export interface SignedMessage {
  id: string;
  /** Unix seconds. */
  timestamp: number;
  body: string;
}

/** `v1,<base64>` for one message. */
export function signWebhook(key: Buffer, message: SignedMessage): string {
  const mac = createHmac("sha256", key).update(`${message.id}.${message.timestamp}.${message.body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three headers of one delivery attempt (the id stays the same across retries, the timestamp does not). */
export function webhookHeaders(key: Buffer, message: SignedMessage): Record<string, string> {
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(message.timestamp),
    "webhook-signature": signWebhook(key, message),
  };
}

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * What a receiver checks: the three headers present, the timestamp within `toleranceS` of `nowS`, and one
 * of the space-separated `v1,` signatures equal (in constant time) to ours. Used by our tests' receiver
 * and by docs/notifications.md's example.
 */
export function verifyWebhook(key: Buffer, headers: Readonly<Record<string, string | undefined>>, body: string, nowS: number, toleranceS = DEFAULT_TOLERANCE_S): Verification {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) return { ok: false, reason: "missing webhook-id, webhook-timestamp or webhook-signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "webhook-timestamp is not unix seconds" };
  const ts = Number(timestamp);
  if (Math.abs(nowS - ts) > toleranceS) return { ok: false, reason: "webhook-timestamp is outside the tolerance" };
  const expected = Buffer.from(signWebhook(key, { id, timestamp: ts, body }).slice(3), "base64");
  const match = signatures.split(" ").some((candidate) => {
    const [version, mac] = candidate.split(",", 2);
    if (version !== "v1" || !mac) return false;
    const given = Buffer.from(mac, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true } : { ok: false, reason: "no signature matches" };
}
