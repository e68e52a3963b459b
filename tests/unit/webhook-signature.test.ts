import { describe, expect, it } from "vitest";
import { parseWebhookSecret, signWebhook, verifyWebhook, webhookHeaders, WebhookSecretError } from "@/lib/domain/webhook-signature";

// The example of the Standard Webhooks reference libraries (libraries/go/webhook_test.go, TestWebhookSign).
const SPEC = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("signWebhook", () => {
  it("signs the spec's example exactly", () => {
    expect(signWebhook(parseWebhookSecret(SPEC.secret), SPEC)).toBe(SPEC.signature);
  });

  it.each([
    ["another id", { ...SPEC, id: "msg_other" }],
    ["another timestamp", { ...SPEC, timestamp: SPEC.timestamp + 1 }],
    ["another body", { ...SPEC, body: '{"test": 2432232315}' }],
  ])("changes with %s", (_name, message) => {
    expect(signWebhook(parseWebhookSecret(SPEC.secret), message)).not.toBe(SPEC.signature);
  });

  it("puts id, timestamp and signature in the three headers", () => {
    expect(webhookHeaders(parseWebhookSecret(SPEC.secret), SPEC)).toEqual({ "webhook-id": SPEC.id, "webhook-timestamp": "1614265330", "webhook-signature": SPEC.signature });
  });
});

describe("parseWebhookSecret", () => {
  it.each([
    ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", /Expected "whsec_"/],
    ["whsec_", /not base64/],
    ["whsec_not base64!", /not base64/],
    ["whsec_AAAA", /3 bytes/],
    [`whsec_${Buffer.alloc(65).toString("base64")}`, /65 bytes/],
  ])("refuses %j", (secret, message) => {
    expect(() => parseWebhookSecret(secret)).toThrow(WebhookSecretError);
    expect(() => parseWebhookSecret(secret)).toThrow(message);
  });

  it("never repeats the secret in its message", () => {
    const secret = "whsec_c2VjcmV0LXZhbHVl!!";
    expect(() => parseWebhookSecret(secret)).toThrow(expect.objectContaining({ message: expect.not.stringContaining("c2VjcmV0") }));
  });
});

describe("verifyWebhook", () => {
  const key = parseWebhookSecret(SPEC.secret);
  const headers = { "webhook-id": SPEC.id, "webhook-timestamp": String(SPEC.timestamp), "webhook-signature": SPEC.signature };
  it.each([
    ["the spec's example", headers, SPEC.body, SPEC.timestamp, true],
    ["several signatures, one of them ours", { ...headers, "webhook-signature": `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${SPEC.signature}` }, SPEC.body, SPEC.timestamp, true],
    ["a changed body", headers, '{"test": 1}', SPEC.timestamp, false],
    ["a wrong signature", { ...headers, "webhook-signature": "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=" }, SPEC.body, SPEC.timestamp, false],
    ["our MAC under another version", { ...headers, "webhook-signature": SPEC.signature.replace("v1,", "v2,") }, SPEC.body, SPEC.timestamp, false],
    ["no webhook-id", { ...headers, "webhook-id": undefined }, SPEC.body, SPEC.timestamp, false],
    ["a timestamp 6 minutes old", headers, SPEC.body, SPEC.timestamp + 360, false],
    ["a timestamp 6 minutes ahead", headers, SPEC.body, SPEC.timestamp - 360, false],
    ["a timestamp that is not seconds", { ...headers, "webhook-timestamp": "2021-02-25" }, SPEC.body, SPEC.timestamp, false],
  ])("%s → %s", (_name, given, body, now, ok) => {
    expect(verifyWebhook(key, given, body, now).ok).toBe(ok);
  });
});
