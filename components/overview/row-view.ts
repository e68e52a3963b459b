// What one overview row shows, and nothing more: the props of the ServiceRows client component.
// The rows are a client component so that the page's RSC payload carries this compact data
// instead of a serialized element tree per row (the server then renders, serializes and re-parses
// far less on every request and every auto-refresh; see docs/architecture.md, "Overview rows").
import type { ContainerImage, ServiceRow } from "@/lib/queries/types";
import type { RolloutSummary } from "@/lib/queries/types";
import { criticalCount } from "./running-scan-flag";

export interface ContainerView {
  name: string;
  /** The full image reference (tooltip). */
  image: string;
  /** What the tag column shows: the tag, else the pinned digest's start, else the image. */
  tagText: string;
  commit?: { sha: string; shortSha: string; url?: string };
  /** Digests the running tasks use; more than one is drift. */
  digests: string[];
  /** The image page of the first running digest, when its ECR repository is known. */
  digestHref?: string;
  /** CRITICAL findings of the running image (0: none, or not scanned). */
  critical: number;
}

export interface RowRollout {
  kind: RolloutSummary["kind"];
  label: string;
  detail?: string;
  progress: { running: number; desired: number };
}

export interface ServiceRowView {
  name: string;
  /** Dashboard path of the service page. */
  href: string;
  status: string;
  digestDrift: boolean;
  revision: { arn: string; label: string };
  /** The running revision was deregistered since (see InactiveRevisionBadge). */
  revisionInactive: boolean;
  containers: ContainerView[];
  running: number;
  desired: number;
  pending: number;
  tone: "info" | "ok" | "warn";
  rollout: RowRollout;
  /** Epoch ms the PRIMARY deployment started. */
  deployedAt?: number;
  /** Lower-cased search text of the overview filter (apply-filter.ts). */
  filterText: string;
  /** Hidden by the server-side filter (`?q=`) on first paint. */
  hidden: boolean;
}

function containerView(envId: string, c: ContainerImage): ContainerView {
  const first = c.runningDigests[0];
  return {
    name: c.container,
    image: c.image,
    tagText: c.tag ?? c.reference?.digest?.slice(0, 19) ?? c.image,
    ...(c.commit && { commit: { sha: c.commit.sha, shortSha: c.commit.shortSha, ...(c.commit.url && { url: c.commit.url }) } }),
    digests: c.runningDigests,
    ...(c.repository && first && { digestHref: `/repositories/${envId}/${encodeURIComponent(c.repository)}/images/${first}` }),
    critical: criticalCount(c.runningScan),
  };
}

export function serviceRowView(row: ServiceRow, filterText: string, hidden: boolean): ServiceRowView {
  const { rollout } = row;
  return {
    name: row.name,
    href: row.links.page,
    status: row.status,
    digestDrift: row.digestDrift,
    revision: { arn: row.revision.arn, label: row.revision.label },
    revisionInactive: row.revisionInactive,
    containers: row.containers.map((c) => containerView(row.envId, c)),
    running: row.runningCount,
    desired: row.desiredCount,
    pending: row.pendingCount,
    tone: rollout.kind === "in-progress" ? "info" : row.runningCount >= row.desiredCount ? "ok" : "warn",
    rollout: {
      kind: rollout.kind,
      label: rollout.label,
      ...(rollout.detail !== undefined && { detail: rollout.detail }),
      progress: { running: rollout.progress.running, desired: rollout.progress.desired },
    },
    ...(row.deploymentStartedAt && { deployedAt: row.deploymentStartedAt.getTime() }),
    filterText,
    hidden,
  };
}
