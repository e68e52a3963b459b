// The contract between the wire layer and the ECS/ECR models: an operation takes the parsed JSON body
// (already checked to be an object) and returns the response object. Return Date values for timestamps:
// the wire layer serialises them as epoch seconds and drops undefined members, as AWS omits absent ones.
import type { EcrRegion } from "../ecr/state";
import type { EcsRegion } from "../ecs/state";

/** What the ECS model of one region offers beyond its operations (implemented in sandbox/ecs/). */
export interface EcsRegionState {
  /**
   * Run the rollout simulation up to `now` (epoch ms). Deterministic: the same calls at the same clock
   * times give the same state. Costs O(state changes), not O(elapsed time), so jumping days is cheap.
   */
  advanceTo(now: number): void;
  /** A JSON-able summary for GET /_sandbox/state. */
  snapshot(): unknown;
}

/** A scan finding as the seed and the control API describe it; the ECR model renders basic or enhanced shapes. */
export interface SeedFinding {
  id: string; // CVE id, e.g. CVE-2024-12345
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" | "UNDEFINED";
  packageName: string;
  packageVersion: string;
  fixedInVersion?: string;
  description?: string;
}

export interface PushImageInput {
  repositoryName: string;
  tags: string[];
  /** Epoch ms; defaults to the clock. */
  pushedAt?: number;
  /** Distinguishes manifests; the digest is the sha256 of the stored manifest built from it. */
  contentSeed?: string;
  sizeInBytes?: number;
  /** Findings the scan will report once it completes (scan on push) or immediately when `scanned`. */
  findings?: SeedFinding[];
  /** Seed data for the past: the scan is already COMPLETE at push time + a few seconds. */
  scanned?: boolean;
  /** Tasks running this image exit at start ("Essential container in task exited"). */
  crashing?: boolean;
}

/** What the ECR model of one region offers beyond its operations (implemented in sandbox/ecr/). */
export interface EcrRegionState {
  /** Complete scans and apply lifecycle policies up to `now` (epoch ms), deterministically. */
  advanceTo(now: number): void;
  /**
   * Resolve an image URI as ECS does at deployment start: `{acct}.dkr.ecr.{region}.amazonaws.com/{repo}:{tag}`
   * or `…/{repo}@sha256:…`. Undefined when the repository or image does not exist (the task then fails
   * to start with CannotPullContainerError).
   */
  resolveImage(imageUri: string): { digest: string; crashing: boolean } | undefined;
  /** The image exists but is ARCHIVED or ACTIVATING (ECR archive), so pulling it fails with 404. */
  isArchived(imageUri: string): boolean;
  /** A CI push (control API, seed): moves tags that already exist to the new image, as docker push does. */
  pushImage(input: PushImageInput): { digest: string };
  /** Mark an image (by digest or tag) as crashing on start, or clear the mark. Throws AwsError when unknown. */
  markCrashing(repositoryName: string, digestOrTag: string, crashing: boolean): { digest: string };
  /** Which findings shape DescribeImageScanFindings returns for a repository (basic `findings` or Inspector `enhancedFindings`). */
  setScanType(repositoryName: string, scanType: "BASIC" | "ENHANCED"): void;
  snapshot(): unknown;
}

/** Everything one account+region holds. State is kept per account and region, as in AWS. */
export interface RegionWorld {
  readonly account: string;
  readonly region: string;
  readonly ecs: EcsRegion;
  readonly ecr: EcrRegion;
}

export interface OperationContext {
  readonly account: string;
  readonly region: string;
  /** Sandbox clock, epoch milliseconds. Both region states were advanced to it before the call. */
  readonly now: number;
  readonly world: RegionWorld;
}

export type Input = Record<string, unknown>;
export type Operation = (input: Input, ctx: OperationContext) => Record<string, unknown>;
export type OperationTable = Readonly<Record<string, Operation>>;
