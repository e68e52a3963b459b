// Valid inputs for store functions, each test overriding only what it is about.
import { randomUUID } from "node:crypto";
import type { NewAuditEvent, NewOperation } from "@/lib/store";

export const T0 = new Date("2026-03-01T10:00:00.000Z");

export const at = (secondsAfterT0: number) => new Date(T0.getTime() + secondsAfterT0 * 1000);

export function newOperation(overrides: Partial<NewOperation> = {}): NewOperation {
  return {
    idempotencyKey: randomUUID(),
    env: "sandbox",
    cluster: "production",
    service: "payments",
    action: "rollback",
    actor: "ada@example.com",
    actorKind: "user",
    role: "deployer",
    reason: "INC-42: CRITICAL finding in the running image",
    from: { revision: "payments:7", images: { app: "prod-aaaaaaa" } },
    to: { revision: "payments:6", images: { app: "prod-bbbbbbb" } },
    plan: { kind: "revision", registers: false },
    now: T0,
    ...overrides,
  };
}

export function auditEvent(overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    at: T0,
    env: "sandbox",
    cluster: "production",
    service: "payments",
    actor: "ada@example.com",
    actorKind: "user",
    role: "deployer",
    kind: "intent",
    message: "Roll back payments to payments:6",
    ...overrides,
  };
}
