// What the follower knows about one operation at each poll, and what it concludes.
import type { Service, ServiceDeploymentDetail } from "./types";

/** A service deployment as DescribeServiceDeployments reports it (§8.1), the members the classifier reads. */
export type ServiceDeploymentStatus = Pick<ServiceDeploymentDetail, "arn" | "status" | "statusReason" | "lifecycleStage" | "rollback" | "circuitBreaker" | "alarms">;

/** Our operation as the store has it. */
export interface FollowedOperation {
  /** `ecs-svc/…` of the deployment our UpdateService created. */
  deploymentId: string;
  serviceDeploymentArn?: string;
  targetTaskDefinitionArn: string;
  /** When UpdateService was called: deployments created before it are not someone else's newer change. */
  startedAt: Date;
  /** We called StopServiceDeployment for it. */
  stopRequested: boolean;
}

export interface OutcomeInput {
  operation: FollowedOperation;
  /** "unavailable" when DescribeServiceDeployments is refused (older accounts, tight IAM) or lacks the deployment. */
  serviceDeployment: ServiceDeploymentStatus | "unavailable";
  service: Service;
  now: Date;
  timeoutMs: number;
}

export type Outcome = "succeeded" | "rolled_back" | "stopped" | "failed" | "superseded" | "timed_out";

export type Classification =
  | { status: "running"; detail: string; fallback: boolean }
  | { status: Outcome; reason: string; ecsReason?: string; fallback: boolean };

export const DEFAULT_FOLLOW_TIMEOUT_MS = 30 * 60_000;
