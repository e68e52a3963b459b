import { describe, expect, it } from "vitest";
import { wantsEvent, webhookBody, type NotificationEvent, type NotificationFilters } from "@/lib/domain/webhook-event";

const event = (type: NotificationEvent["type"], env: string, service: string) => ({ type, data: { env, service } });

describe("wantsEvent", () => {
  it.each<[string, NotificationFilters, ReturnType<typeof event>, boolean]>([
    ["no filters", {}, event("operation.finished", "production", "payments"), true],
    ["empty lists", { environments: [], services: [], events: [] }, event("operation.started", "staging", "web"), true],
    ["its environment", { environments: ["production"] }, event("operation.finished", "production", "web"), true],
    ["another environment", { environments: ["production"] }, event("operation.finished", "staging", "web"), false],
    ["its service", { services: ["payments", "web"] }, event("operation.finished", "staging", "web"), true],
    ["another service", { services: ["payments"] }, event("operation.finished", "staging", "web"), false],
    ["its event", { events: ["operation.finished"] }, event("operation.finished", "staging", "web"), true],
    ["another event", { events: ["operation.finished"] }, event("operation.started", "staging", "web"), false],
    ["every filter passes", { environments: ["production"], services: ["web"], events: ["ecs.deployment.failed"] }, event("ecs.deployment.failed", "production", "web"), true],
    ["one filter of three fails", { environments: ["production"], services: ["web"], events: ["ecs.deployment.failed"] }, event("operation.finished", "production", "web"), false],
  ])("%s → %s", (_name, filters, e, expected) => {
    expect(wantsEvent(filters, e)).toBe(expected);
  });
});

describe("webhookBody", () => {
  it("is the Standard Webhooks envelope without the id", () => {
    const e: NotificationEvent = { id: "x", type: "ecs.deployment.failed", timestamp: "2026-12-01T00:00:00.000Z", data: { env: "p", cluster: "c", service: "s", serviceDeploymentArn: "arn", status: "ROLLBACK_FAILED" } };
    expect(JSON.parse(webhookBody(e))).toEqual({ type: "ecs.deployment.failed", timestamp: "2026-12-01T00:00:00.000Z", data: e.data });
  });
});
