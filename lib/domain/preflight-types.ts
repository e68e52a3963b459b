// The facts a preflight is decided from (read fresh from AWS and the store by lib/deploy) and its answer.
import type { ExpiryRisk } from "./lifecycle-next";
import type { Role } from "./roles";
import type { SeverityCounts } from "./types";

export type CheckStatus = "ok" | "warn" | "block";
export type CheckId = "role" | "change" | "stale-view" | "in-progress" | "image" | "scan-gate";

export interface PreflightCheck {
  id: CheckId;
  status: CheckStatus;
  message: string;
  /** The container an image or scan check is about. */
  container?: string;
}

/** One container whose image the deployment changes, with what ECR says about the target image now. */
export interface TargetImageFacts {
  container: string;
  /** The reference that will run (`repo@sha256:…` for image targets). */
  image: string;
  repository: string;
  /** False when ECR has no such image (deleted, expired, or never pushed). */
  found: boolean;
  /** The digest the plan or the user's view expects; differs from `actualDigest` when a tag moved. */
  expectedDigest?: string;
  actualDigest?: string;
  imageStatus?: "ACTIVE" | "ARCHIVED" | "ACTIVATING" | string;
  expiry?: ExpiryRisk;
  scanStatus?: string;
  scan?: SeverityCounts;
  /** Findings of the image this container runs now, for the side-by-side. */
  runningScan?: SeverityCounts;
}

export interface PreflightFacts {
  role: Role;
  /** `override.scanGate` is the reason an admin gives for deploying an image with CRITICAL findings. */
  override?: { scanGate?: string };
  /** The plan found that the service already runs the target. */
  unchanged: boolean;
  images: readonly TargetImageFacts[];
  /** A deployment still rolling out on the service; `ours` when a Steady State operation started it. */
  inProgress?: { deploymentId: string; ours: boolean; operationId?: string };
  view: {
    actualTaskDefinitionArn: string;
    actualPrimaryDeploymentId?: string;
    /** What the caller saw when it asked (optional in the API). */
    expectedTaskDefinitionArn?: string;
    expectedPrimaryDeploymentId?: string;
  };
}

export interface PreflightResult {
  verdict: CheckStatus;
  checks: PreflightCheck[];
  /** True when an admin's override let a CRITICAL image through: the audit records the reason. */
  scanGateOverridden: boolean;
}
