import { describe, expect, it } from "vitest";
import { escapeMrkdwn, slackMessage } from "@/lib/domain/slack-message";
import type { NotificationEvent, OperationEventData } from "@/lib/domain/webhook-event";
import { blockKitViolations } from "./support/block-kit-rules";

const operation: OperationEventData = {
  operationId: "op-1",
  action: "rollback",
  env: "production",
  cluster: "prod-eu",
  service: "payments",
  actor: "ana@example.com",
  role: "deployer",
  reason: "INC-101: CRITICAL CVE",
  from: { label: "payments:42", containers: [{ name: "app", image: "1.dkr.ecr/payments:prod-abc1234", tag: "prod-abc1234", sha: "abc1234" }] },
  to: { label: "payments:41", containers: [{ name: "app", image: "1.dkr.ecr/payments:prod-0ff1ce0", tag: "prod-0ff1ce0" }] },
  status: "rolled_back",
  outcomeReason: "ECS rolled the deployment back: circuit breaker",
  ecsReason: "ECS deployment circuit breaker: tasks failed to start.",
  url: "https://steadystate.example.com/operations/op-1",
};

const finished: NotificationEvent = { id: "op-1.finished", type: "operation.finished", timestamp: "2026-12-01T10:00:00.000Z", data: operation };
const started: NotificationEvent = { ...finished, id: "op-1.started", type: "operation.started", data: { ...operation, status: "running", outcomeReason: undefined, ecsReason: undefined } };
const ecs: NotificationEvent = {
  id: "ecs.x",
  type: "ecs.deployment.failed",
  timestamp: "2026-12-01T10:00:00.000Z",
  data: { env: "production", cluster: "prod-eu", service: "web", serviceDeploymentArn: "arn:aws:ecs:eu-west-1:1:service-deployment/prod-eu/web/abc", status: "ROLLBACK_SUCCESSFUL", statusReason: "circuit breaker", url: "https://steadystate.example.com/audit?env=production&service=web" },
};

type Fields = { type: string; fields?: { text: string }[]; text?: { text: string } }[];
const fieldTexts = (blocks: unknown) => (blocks as Fields).flatMap((b) => b.fields?.map((f) => f.text) ?? []);

describe("slackMessage", () => {
  it.each([
    ["operation.started", started],
    ["operation.finished", finished],
    ["ecs.deployment.failed", ecs],
  ])("%s follows Block Kit's rules", (_type, event) => {
    expect(blockKitViolations(slackMessage(event))).toEqual([]);
  });

  it("names service, env/cluster, outcome, who, why and from → to, with a button to the operation", () => {
    const message = slackMessage(finished);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: expect.stringContaining("rolled back by ECS") } });
    const fields = fieldTexts(message.blocks);
    expect(fields).toEqual([
      "*Service*\npayments",
      "*Environment / cluster*\nproduction / prod-eu",
      "*Outcome*\nrolled_back",
      "*Who*\nana@example.com (deployer)",
      "*Why*\nINC-101: CRITICAL CVE",
      "*From → to*\npayments:42 (app prod-abc1234) → payments:41 (app prod-0ff1ce0)",
    ]);
    expect(message.blocks).toContainEqual({ type: "context", elements: [{ type: "mrkdwn", text: `ECS: ${operation.ecsReason}` }] });
    expect(message.blocks.at(-1)).toMatchObject({ type: "actions", elements: [{ type: "button", url: operation.url }] });
    expect(message.text).toBe("Rollback of production/prod-eu/payments was rolled back by ECS (ana@example.com: INC-101: CRITICAL CVE): ECS rolled the deployment back: circuit breaker");
  });

  it("says started, and has no outcome sections, when the operation starts", () => {
    const message = slackMessage(started);
    expect(message.blocks[0]).toMatchObject({ text: { text: ":arrow_forward: Rollback of payments started" } });
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "section", "actions"]);
  });

  it("keeps reasons and ECS messages of any length inside the limits", () => {
    const long = "x".repeat(10_000);
    const event: NotificationEvent = { ...finished, data: { ...operation, reason: long, outcomeReason: long, ecsReason: `${long}y`, service: long, url: `https://a.example/${long}` } };
    const message = slackMessage(event);
    expect(blockKitViolations(message)).toEqual([]);
    // A URL over the limit loses its button rather than becoming a broken link.
    expect(message.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("shows Slack control sequences in a reason as text", () => {
    const message = slackMessage({ ...finished, data: { ...operation, reason: "<!channel> deploy & <https://evil|click>" } });
    expect(fieldTexts(message.blocks)).toContain("*Why*\n&lt;!channel&gt; deploy &amp; &lt;https://evil|click&gt;");
  });

  it("reports an ECS deployment made outside the dashboard with ECS's status and reason", () => {
    const message = slackMessage(ecs);
    expect(message.blocks[0]).toMatchObject({ text: { text: ":leftwards_arrow_with_hook: ECS rolled back a deployment of web" } });
    expect(fieldTexts(message.blocks)).toContain("*Status*\nROLLBACK_SUCCESSFUL");
    expect(message.text).toBe("ECS deployment of production/prod-eu/web ended ROLLBACK_SUCCESSFUL: circuit breaker");
  });
});

describe("the Block Kit checker itself", () => {
  it.each([
    [{ text: "", blocks: [{ type: "divider" }] }, "text: a fallback text is required with blocks"],
    [{ text: "t", blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) }, "blocks: 51 (max 50)"],
    [{ text: "t", blocks: [{ type: "header", text: { type: "mrkdwn", text: "h" } }] }, "blocks[0].text.type: mrkdwn (allowed: plain_text)"],
    [{ text: "t", blocks: [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(3001) } }] }, "blocks[0].text.text: 3001 characters (max 3000)"],
    [{ text: "t", blocks: [{ type: "section", fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" })) }] }, "blocks[0].fields: 1-10 items"],
    [{ text: "t", blocks: [{ type: "image" }] }, "blocks[0].type: image is not a block type this checker knows"],
  ])("refuses %j", (message, violation) => {
    expect(blockKitViolations(message)).toContain(violation);
  });
});

describe("escapeMrkdwn", () => {
  it("escapes &, < and > only", () => {
    expect(escapeMrkdwn("a & <b> *c*")).toBe("a &amp; &lt;b&gt; *c*");
  });
});
