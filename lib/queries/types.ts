// Read models: what pages, the JSON API and scripts get from lib/queries. They are plain data
// (Dates, strings, numbers, arrays) so a server component can render them and a route handler can
// JSON.stringify them (Dates become ISO strings). Every top-level model says how fresh it is.
import type { detectDigestDrift } from "@/lib/domain/digest-drift";
import type { classifyRollout } from "@/lib/domain/rollout";
import type {
  Deployment,
  EcrImage,
  ImageReference,
  Repository,
  ScanFindings,
  ScanSummary,
  Service,
  ServiceDeploymentRecord,
  ServiceEvent,
  Severity,
  Task,
} from "@/lib/domain/types";
import type { UserFacingError } from "@/lib/errors";

export type { UserFacingError } from "@/lib/errors";

/** Rollout classification from lib/domain/rollout (stable / in-progress / failed / rolled-back / stuck). */
export type RolloutSummary = ReturnType<typeof classifyRollout>;
/** Per-container digests of a service's tasks, from lib/domain/digest-drift. */
export type DigestDrift = ReturnType<typeof detectDigestDrift>;

/** When the data behind a view was fetched from AWS, and whether any of it is past its cache TTL. */
export interface Freshness {
  /** Fetch time of the OLDEST piece of data the view was built from. */
  asOf: Date;
  /** True when part of the view was served from an expired cache entry while a refresh runs. */
  stale: boolean;
}

/** A commit found through the configured tag pattern, with a link when git links are configured for the repository. */
export interface CommitLink {
  /** The tag the SHA came from, e.g. `prod-3f2c…`. */
  tag: string;
  sha: string;
  /** First 7 characters. */
  shortSha: string;
  /** Commit page URL from the repository's git link template; absent when none is configured. */
  url?: string;
}

/** Where an image runs right now. */
export interface RunningLocation {
  envId: string;
  cluster: string;
  service: string;
  container: string;
}

/** One container of a task-definition revision, as the service is meant to run it. */
export interface ContainerImage {
  container: string;
  /** The image string of the container definition, verbatim. */
  image: string;
  reference?: ImageReference;
  /** ECR repository name when the image lives in an ECR registry (any account/region). */
  repository?: string;
  tag?: string;
  commit?: CommitLink;
  /** Digests the RUNNING tasks of the service actually run for this container (usually one). */
  runningDigests: string[];
  /** ECR's scan summary of the image running now (the first running digest), when ECR has one. */
  runningScan?: ScanSummary;
}

/** `family:N` plus its parts. */
export interface RevisionRef {
  arn: string;
  family: string;
  revision: number;
  /** `family:N` */
  label: string;
}

/** One service on the overview. */
export interface ServiceRow {
  envId: string;
  cluster: string;
  name: string;
  arn: string;
  status: string;
  links: {
    /** Dashboard path of the service page, e.g. `/services/sandbox/production/my-api`. */
    page: string;
    /** AWS console page of the service. */
    console: string;
  };
  revision: RevisionRef;
  /**
   * The running revision has been deregistered (INACTIVE, what §8.6's CLI tools leave behind): tasks keep
   * running, but ECS will not start a new deployment of it; rolling forward or back re-registers it.
   */
  revisionInactive: boolean;
  containers: ContainerImage[];
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  rollout: RolloutSummary;
  /** When the PRIMARY deployment was created. */
  deploymentStartedAt?: Date;
  /** True when tasks of this service run different digests for one container. */
  digestDrift: boolean;
}

export interface ClusterSection {
  name: string;
  services: ServiceRow[];
  /** Set when this cluster could not be read; `services` is then empty. */
  error?: UserFacingError;
}

export interface EnvironmentSection {
  id: string;
  name: string;
  region: string;
  accountId?: string;
  clusters: ClusterSection[];
  /** Set when the environment could not be read at all (e.g. ListClusters failed). */
  error?: UserFacingError;
}

/** `getOverview()`: what's in prod, for every configured environment. */
export interface Overview extends Freshness {
  environments: EnvironmentSection[];
}

/** A deployment of the service with its revision and progress. */
export interface DeploymentView {
  deployment: Deployment;
  revision: RevisionRef;
  isPrimary: boolean;
}

/** A task of the service, with the digests it runs. */
export interface TaskView {
  task: Task;
  /** Short task id (last ARN segment). */
  id: string;
  revision: RevisionRef;
}

/** One container image of a revision in the revision history, checked against ECR. */
export interface RevisionContainer extends Omit<ContainerImage, "runningDigests"> {
  /** Digest of the image in ECR (from the digest pin or the tag lookup), when found. */
  digest?: string;
  /** Whether the image still exists in ECR; undefined when it could not be checked (not ECR, or lookup failed). */
  imageExists?: boolean;
  scan?: ScanSummary;
}

export interface RevisionView extends RevisionRef {
  status: string;
  registeredAt?: Date;
  registeredBy?: string;
  deregisteredAt?: Date;
  /** The revision the service's PRIMARY deployment runs. */
  isCurrent: boolean;
  containers: RevisionContainer[];
}

export interface ServiceDeploymentView {
  record: ServiceDeploymentRecord;
  /** `family:N` of the target task definition, when known. */
  target?: RevisionRef;
  sources: RevisionRef[];
}

/** `getServiceDetail(envId, cluster, service)`. */
export interface ServiceDetail extends Freshness {
  envId: string;
  envName: string;
  region: string;
  cluster: string;
  service: Service;
  row: ServiceRow;
  deployments: DeploymentView[];
  /** Newest first (as ECS returns them). */
  events: ServiceEvent[];
  /** RUNNING and PENDING tasks of the service. */
  tasks: TaskView[];
  drift: DigestDrift;
  /** Newest revision first; at most `revisionLimit` revisions of the family. */
  revisions: RevisionView[];
  revisionsTotal: number;
  revisionsError?: UserFacingError;
  /** ECS service deployments (including those made outside the dashboard), newest first. */
  serviceDeployments: ServiceDeploymentView[];
  serviceDeploymentsError?: UserFacingError;
}

export interface RepositorySummary extends Repository {
  /** Services that run an image of this repository now. */
  runningIn: RunningLocation[];
}

/** `listRepositories()`: ECR repositories per environment. */
export interface RepositoriesView extends Freshness {
  environments: Array<{
    id: string;
    name: string;
    region: string;
    repositories: RepositorySummary[];
    error?: UserFacingError;
  }>;
}

/** Parsed image-history query string (see `imageHistoryQuerySchema`). */
export interface ImageHistoryQuery {
  /** 1-based. */
  page: number;
  /** 1–200, default 50. */
  pageSize: number;
  /** Only images with a tag matching the configured tag pattern. */
  prod: boolean;
  /** Only images with at least one finding of this severity or worse. */
  severity?: Severity;
  /** Case-insensitive substring of a tag, the digest or the SHA. */
  q?: string;
}

export interface LifecycleExpiry {
  rulePriority: number;
  description: string;
}

export interface ImageRow {
  digest: string;
  tags: string[];
  commit?: CommitLink;
  pushedAt: Date;
  sizeInBytes?: number;
  scan?: ScanSummary;
  highestSeverity?: Severity;
  runningIn: RunningLocation[];
  /** Set when the repository's lifecycle policy would expire this image now. */
  expiresByLifecycle?: LifecycleExpiry;
}

export interface LifecycleView {
  /** Raw policy JSON; undefined when the repository has no policy. */
  policyText?: string;
  rules: Array<{ rulePriority: number; description: string }>;
  /** Set when the policy text could not be parsed; expiry is then not shown. */
  parseError?: string;
  /** How many images (of all, not only this page) the policy would expire now. */
  expiringCount: number;
}

/** `getImageHistory(envId, repo, query)`. */
export interface ImageHistory extends Freshness {
  envId: string;
  envName: string;
  repository: Repository;
  query: ImageHistoryQuery;
  images: ImageRow[];
  /** Images matching the filters. */
  total: number;
  /** Images in the repository. */
  totalImages: number;
  pageCount: number;
  lifecycle: LifecycleView;
}

/** Findings of one image with where it runs. */
export interface ImageWithFindings {
  image: EcrImage;
  commit?: CommitLink;
  runningIn: RunningLocation[];
  /** Undefined when the image was never scanned (ScanNotFoundException). */
  findings?: ScanFindings;
  findingsError?: UserFacingError;
}

/** `getImageDetail(envId, repo, digest)`. */
export interface ImageDetail extends Freshness {
  envId: string;
  envName: string;
  repository: Repository;
  subject: ImageWithFindings;
  /** Other images of this repository running in services now (for side-by-side comparison). */
  runningNow: ImageWithFindings[];
  expiresByLifecycle?: LifecycleExpiry;
}
