// A notification as a Slack incoming-webhook message: Block Kit (header, sections with fields, a
// context line, a button to the operation page) plus the `text` fallback Slack shows in push
// notifications and screen readers. Pure. Every text is cut to Block Kit's limits so a long reason or
// ECS message can never get the whole message refused (Slack answers `invalid_blocks` for the lot).
import type { EcsDeploymentEventData, NotificationEvent, OperationEventData, VersionBrief } from "./webhook-event";

export const BLOCK_KIT_LIMITS = { headerText: 150, sectionText: 3000, fieldText: 2000, fields: 10, contextElements: 10, buttonText: 75, url: 3000, blocks: 50, fallbackText: 4000 } as const;

type PlainText = { type: "plain_text"; text: string; emoji?: boolean };
type Mrkdwn = { type: "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "header"; text: PlainText }
  | { type: "section"; text?: Mrkdwn; fields?: Mrkdwn[] }
  | { type: "context"; elements: Mrkdwn[] }
  | { type: "actions"; elements: { type: "button"; text: PlainText; url: string; action_id: string }[] }
  | { type: "divider" };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Cut to `max` characters (an ellipsis marks the cut). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack's mrkdwn control characters, so a reason such as "<!channel>" is shown, never acted on. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const OUTCOME_WORDS: Record<string, { emoji: string; words: string }> = {
  running: { emoji: ":arrow_forward:", words: "started" },
  succeeded: { emoji: ":white_check_mark:", words: "succeeded" },
  rolled_back: { emoji: ":leftwards_arrow_with_hook:", words: "was rolled back by ECS" },
  stopped: { emoji: ":black_square_for_stop:", words: "was stopped" },
  failed: { emoji: ":x:", words: "failed" },
  superseded: { emoji: ":fast_forward:", words: "was superseded" },
  timed_out: { emoji: ":hourglass:", words: "timed out" },
};

const ACTION_WORDS: Record<string, string> = { rollback: "Rollback", deploy: "Deploy", stop: "Stop and roll back" };

const field = (label: string, value: string): Mrkdwn => ({ type: "mrkdwn", text: clip(`*${label}*\n${escapeMrkdwn(value)}`, BLOCK_KIT_LIMITS.fieldText) });
const header = (text: string): SlackBlock => ({ type: "header", text: { type: "plain_text", text: clip(text, BLOCK_KIT_LIMITS.headerText), emoji: true } });
// A link cut short would lead nowhere, so a URL over the limit drops the button instead.
const button = (text: string, url: string | undefined, actionId: string): SlackBlock[] =>
  url && url.length <= BLOCK_KIT_LIMITS.url ? [{ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text }, url, action_id: actionId }] }] : [];

function versionText(version: VersionBrief | null): string {
  if (!version) return "—";
  const images = version.containers.map((c) => `${c.name} ${c.tag ?? c.image.split("/").at(-1) ?? c.image}`);
  return images.length > 0 ? `${version.label} (${images.join(", ")})` : version.label;
}

function operationMessage(type: "operation.started" | "operation.finished", d: OperationEventData): SlackMessage {
  const outcome = OUTCOME_WORDS[d.status] ?? { emoji: ":grey_question:", words: d.status };
  const action = ACTION_WORDS[d.action] ?? d.action;
  const title = `${outcome.emoji} ${action} of ${d.service} ${type === "operation.started" ? "started" : outcome.words}`;
  const fields = [
    field("Service", d.service),
    field("Environment / cluster", `${d.env} / ${d.cluster}`),
    field("Outcome", d.status),
    field("Who", `${d.actor} (${d.role})`),
    field("Why", d.reason),
    field("From → to", `${versionText(d.from)} → ${versionText(d.to)}`),
  ];
  const blocks: SlackBlock[] = [header(title), { type: "section", fields }];
  if (d.outcomeReason) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(escapeMrkdwn(d.outcomeReason), BLOCK_KIT_LIMITS.sectionText) } });
  if (d.ecsReason && d.ecsReason !== d.outcomeReason) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(`ECS: ${escapeMrkdwn(d.ecsReason)}`, BLOCK_KIT_LIMITS.sectionText) }] });
  blocks.push(...button("Open the operation", d.url, "open-operation"));
  const text = `${action} of ${d.env}/${d.cluster}/${d.service} ${type === "operation.started" ? "started" : outcome.words} (${d.actor}: ${d.reason})${d.outcomeReason ? `: ${d.outcomeReason}` : ""}`;
  return { text: clip(text, BLOCK_KIT_LIMITS.fallbackText), blocks };
}

function ecsMessage(d: EcsDeploymentEventData): SlackMessage {
  const rolledBack = d.status === "ROLLBACK_SUCCESSFUL";
  const title = `${rolledBack ? ":leftwards_arrow_with_hook:" : ":x:"} ECS ${rolledBack ? "rolled back" : "failed"} a deployment of ${d.service}`;
  const fields = [
    field("Service", d.service),
    field("Environment / cluster", `${d.env} / ${d.cluster}`),
    field("Status", d.status),
    field("Made", "outside the dashboard (CI, console or API)"),
  ];
  const blocks: SlackBlock[] = [header(title), { type: "section", fields }];
  if (d.statusReason) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`ECS: ${escapeMrkdwn(d.statusReason)}`, BLOCK_KIT_LIMITS.sectionText) } });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(escapeMrkdwn(d.serviceDeploymentArn), BLOCK_KIT_LIMITS.sectionText) }] });
  blocks.push(...button("Open the timeline", d.url, "open-timeline"));
  const text = `ECS deployment of ${d.env}/${d.cluster}/${d.service} ended ${d.status}${d.statusReason ? `: ${d.statusReason}` : ""}`;
  return { text: clip(text, BLOCK_KIT_LIMITS.fallbackText), blocks };
}

export function slackMessage(event: NotificationEvent): SlackMessage {
  return event.type === "ecs.deployment.failed" ? ecsMessage(event.data) : operationMessage(event.type, event.data);
}
