// Classifying our deployment from DescribeServices alone (§3.2), for accounts or IAM policies where
// DescribeServiceDeployments is refused. Weaker, and said so on every answer (`fallback: true`):
// alarm bake time and blue/green stages are invisible here, and a rollback is recognised from the
// PRIMARY going back to an older deployment or from ours being FAILED.
import type { Classification, OutcomeInput } from "./outcome-types";
import { primaryOf } from "./rollout";
import type { Deployment, Service } from "./types";

const NOTE = " (from DescribeServices: the service-deployments API is unavailable)";

const noted = (text: string) => `${text.replace(/\.$/, "")}${NOTE}.`;
const done = (status: Exclude<Classification["status"], "running">, reason: string, ecsReason?: string): Classification =>
  ecsReason ? { status, reason: noted(reason), ecsReason, fallback: true } : { status, reason: noted(reason), fallback: true };
const running = (detail: string): Classification => ({ status: "running", detail: noted(detail), fallback: true });

function settled(service: Service, primary: Deployment): boolean {
  return service.deployments.length === 1 && primary.runningCount === service.desiredCount;
}

function rollback(input: OutcomeInput, primary: Deployment, ours: Deployment | undefined): Classification {
  const ecsReason = ours?.rolloutStateReason ?? primary.rolloutStateReason;
  if (!(primary.rolloutState === "COMPLETED" || primary.rolloutState === undefined) || !settled(input.service, primary)) {
    return running(`Rolling back to ${primary.id}`);
  }
  if (input.operation.stopRequested) return done("stopped", `Stopped and rolled back on our request to ${primary.id}.`, ecsReason);
  return done("rolled_back", `ECS rolled it back to ${primary.id}${ecsReason ? `: ${ecsReason}` : "."}`, ecsReason);
}

export function classifyFromService(input: OutcomeInput): Classification {
  const { service, operation } = input;
  const primary = primaryOf(service);
  const ours = service.deployments.find((d) => d.id === operation.deploymentId);
  if (!primary) return running("The service shows no PRIMARY deployment yet");

  if (primary === ours) {
    if (primary.rolloutState === "FAILED") {
      const status = operation.stopRequested ? "stopped" : "failed";
      return done(status, `The deployment failed${primary.rolloutStateReason ? `: ${primary.rolloutStateReason}` : "."}`, primary.rolloutStateReason);
    }
    const complete = primary.rolloutState === "COMPLETED" || (primary.rolloutState === undefined && primary.taskDefinitionArn === operation.targetTaskDefinitionArn);
    if (complete && settled(service, primary)) return done("succeeded", `${primary.id} is COMPLETED, alone, at ${primary.runningCount}/${service.desiredCount} running.`, primary.rolloutStateReason);
    return running(`Deploying ${primary.runningCount}/${service.desiredCount}`);
  }

  const primaryIsNewer = primary.createdAt !== undefined ? primary.createdAt > operation.startedAt : ours?.rolloutState !== "FAILED" && ours !== undefined;
  if (primaryIsNewer) return done("superseded", `${primary.id}, a newer deployment not started by this operation, replaced ours.`);
  return rollback(input, primary, ours);
}
