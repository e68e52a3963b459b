// Each service's verdict in a restore plan, and the parent's outcome from its children's.
import { describe, expect, it } from "vitest";
import { decideRestore, restoreOutcome } from "@/lib/domain/restore-plan";
import { tdArn } from "./fixtures/task-definition";

describe("decideRestore", () => {
  it.each([
    { name: "same revision then and now", current: 5, then: { known: true as const, taskDefinitionArn: tdArn("web", 5) }, expected: { kind: "unchanged", taskDefinitionArn: tdArn("web", 5) } },
    { name: "another revision then", current: 7, then: { known: true as const, taskDefinitionArn: tdArn("web", 5) }, expected: { kind: "changed", from: tdArn("web", 7), to: tdArn("web", 5) } },
    { name: "unknown then", current: 7, then: { known: false as const, why: "no record" }, expected: { kind: "cannot", why: "no record" } },
  ])("$name", ({ current, then, expected }) => {
    expect(decideRestore(tdArn("web", current), then)).toEqual(expected);
  });

  it("says when a rollout was in progress at the moment", () => {
    const result = decideRestore(tdArn("web", 7), { known: true, taskDefinitionArn: tdArn("web", 4), inProgressAt: "web:5" });
    expect(result).toMatchObject({ kind: "changed", note: "A rollout of web:5 was in progress then; this restores what was settled (web:4)." });
  });
});

describe("restoreOutcome", () => {
  it.each([
    { name: "every child succeeded", children: [{ service: "web", status: "succeeded" }, { service: "worker", status: "succeeded" }], expected: { status: "succeeded", reason: "All 2 services restored (web: succeeded, worker: succeeded)." } },
    { name: "one child rolled back", children: [{ service: "web", status: "succeeded" }, { service: "my-api", status: "rolled_back" }], expected: { status: "partial", reason: "1 of 2 services restored (web: succeeded, my-api: rolled_back)." } },
    { name: "every child stopped", children: [{ service: "web", status: "stopped" }], expected: { status: "partial", reason: "0 of 1 services restored (web: stopped)." } },
    { name: "a child still running", children: [{ service: "web", status: "succeeded" }, { service: "worker", status: "running" }], expected: { status: "running" } },
    { name: "no children yet", children: [], expected: { status: "running" } },
  ])("$name", ({ children, expected }) => {
    expect(restoreOutcome(children)).toEqual(expected);
  });
});
