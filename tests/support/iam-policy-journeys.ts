// What the dashboard does for its users, as the IAM tests run it under a policy: every page's read
// (the lib/queries and lib/deploy functions the pages and routes call) and the three writes (rollback,
// image deploy, stop). A journey's problems are what a user would see go wrong: the error it threw,
// or the inline errors (UserFacingError: a cluster, a history section, a timeline part that could
// not be read) inside the view it returned.
import { DescribeServicesCommand, ListServiceDeploymentsCommand, ListTaskDefinitionsCommand, UpdateServiceCommand } from "@aws-sdk/client-ecs";
import { afterAll, beforeEach } from "vitest";
import { checkAwsAccess, resetAwsCaches } from "@/lib/aws";
import { taskDefinitionRef } from "@/lib/domain/arn";
import { planOperation, startOperation, stopRollout } from "@/lib/deploy";
import { getImageDetail } from "@/lib/queries/image-detail";
import { getImageHistory } from "@/lib/queries/image-history";
import { getOverview } from "@/lib/queries/overview";
import { listRepositories } from "@/lib/queries/repositories";
import { getServiceDetail } from "@/lib/queries/service-detail";
import { getTimeline } from "@/lib/queries/timeline";
import { parseTimelineQuery } from "@/lib/queries/timeline-query";
import type { Operation } from "@/lib/store";
import { MY_API_CRASHING_TAG } from "../../sandbox/seed/demo-facts";
import { actor, REF, useDeployHarness, type DeployHarness } from "../integration/deploy-support";
import { iamSettingsFor, type PolicyDocument } from "./iam-policy";
import { TEST_CREDENTIALS } from "./sandbox";

const USER_FACING_KINDS = new Set(["throttled", "access-denied", "not-found", "unreachable", "unknown"]);

/** Every UserFacingError-shaped value inside `view` ({kind, message}), as "kind: message". */
export function inlineErrors(view: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof view !== "object" || view === null || seen.has(view) || view instanceof Date) return out;
  seen.add(view);
  const record = view as Record<string, unknown>;
  if (typeof record.kind === "string" && USER_FACING_KINDS.has(record.kind) && typeof record.message === "string") out.push(`${record.kind}: ${record.message}`);
  for (const value of Array.isArray(view) ? view : Object.values(record)) inlineErrors(value, out, seen);
  return out;
}

/** What went wrong: the thrown error's message, or the view's inline errors (empty when the journey worked). */
export async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    return inlineErrors(await run());
  } catch (error) {
    return [error instanceof Error ? `${error.name}: ${error.message}` : String(error)];
  }
}

export type ReadJourney =
  | "start-up check"
  | "overview"
  | "service page"
  | "rollback plan"
  | "deploy plan"
  | "repositories"
  | "image history"
  | "image page"
  | "timeline";

/** One read per page (and the start-up access check), against the demo scenario. */
export function readJourneys(h: DeployHarness): Record<ReadJourney, () => Promise<unknown>> {
  const opts = async () => ({ config: h.config, now: new Date(await h.sandbox.control.now()) });
  return {
    "start-up check": () => checkAwsAccess(h.config),
    overview: async () => getOverview(await opts()),
    "service page": async () => {
      const detail = await getServiceDetail("sandbox", "production", "payments", await opts());
      if (inlineErrors(detail).length > 0) return detail;
      // Without ecs:DescribeServiceRevisions the history still lists deployments, by design
      // (lib/aws/ecs-service-deployments.ts), but can no longer say which revision each one deployed.
      const unnamed = detail.serviceDeployments.filter((d) => !d.target).length;
      if (detail.serviceDeployments.length === 0 || unnamed > 0) throw new Error(`service-deployment history: ${unnamed} of ${detail.serviceDeployments.length} deployments without their target revision`);
      if (detail.revisions.length === 0) throw new Error("revision history is empty");
      return detail;
    },
    "rollback plan": async () => planOperation(await h.ctx(actor("deployer")), { ref: REF("payments"), target: { suggested: true } }),
    // The crashing build my-api was rolled back from: a different image, so the plan clones a revision.
    "deploy plan": async () => planOperation(await h.ctx(actor("deployer")), { ref: REF("my-api"), target: { container: "app", tag: MY_API_CRASHING_TAG } }),
    repositories: async () => listRepositories(await opts()),
    "image history": async () => getImageHistory("sandbox", "payments", { page: 1, pageSize: 50, prod: false }, await opts()),
    "image page": async () => {
      const o = await opts();
      const { images } = await getImageHistory("sandbox", "payments", { page: 1, pageSize: 1, prod: false }, o);
      const digest = images[0]?.digest;
      if (!digest) throw new Error("payments has no image");
      return getImageDetail("sandbox", "payments", digest, o);
    },
    timeline: async () => {
      const now = new Date(await h.sandbox.control.now());
      const timeline = await getTimeline(parseTimelineQuery({}, now), { config: h.config, now, store: h.store() });
      if (inlineErrors(timeline).length === 0 && timeline.entries.length === 0) throw new Error("the timeline shows no deployment");
      return timeline;
    },
  };
}

export type WriteJourney = "rollback" | "image deploy" | "stop";

export interface Write {
  /** The service the write changes. */
  service: string;
  /** Set-up with the sandbox's own unrestricted key, before the dashboard acts. */
  prepare(): Promise<void>;
  /** The verb, as the routes call it; answers the operation it created (not yet followed). */
  start(): Promise<Operation>;
}

let keys = 0;
const idempotencyKey = () => `iam-${Date.now()}-${++keys}`;

/** Each write the dashboard makes: a revision rollback, a deploy of a freshly pushed image, and a stop of CI's rollout. */
export function writeJourneys(h: DeployHarness): Record<WriteJourney, Write> {
  let pushedTag = "";
  return {
    rollback: {
      service: "payments",
      prepare: async () => undefined,
      start: async () => {
        const ctx = await h.ctx(actor("deployer"));
        return (await startOperation(ctx, { ref: REF("payments"), idempotencyKey: idempotencyKey(), action: "rollback", target: { suggested: true }, reason: "IAM: rollback" })).operation;
      },
    },
    "image deploy": {
      service: "worker",
      prepare: async () => {
        pushedTag = (await h.sandbox.control.push({ repository: "worker" })).tags[0] ?? "";
      },
      start: async () => {
        const ctx = await h.ctx(actor("deployer"));
        const target = { container: "app", tag: pushedTag };
        return (await startOperation(ctx, { ref: REF("worker"), idempotencyKey: idempotencyKey(), action: "deploy", target, reason: "IAM: deploy a fresh image" })).operation;
      },
    },
    stop: {
      service: "web",
      // A rollout started as CI would, for the dashboard to stop.
      prepare: async () => {
        await h.sandbox.ecs.send(new UpdateServiceCommand({ cluster: "production", service: "web", forceNewDeployment: true }));
        await h.sandbox.control.advance(5000);
      },
      start: async () => {
        const ctx = await h.ctx(actor("deployer"));
        return (await stopRollout(ctx, { ref: REF("web"), idempotencyKey: idempotencyKey(), reason: "IAM: stop and roll back" })).operation;
      },
    },
  };
}

/** What a write could change on a production service, read with the sandbox's unrestricted key. */
export async function serviceState(h: DeployHarness, service: string) {
  const { services } = await h.sandbox.ecs.send(new DescribeServicesCommand({ cluster: "production", services: [service] }));
  const current = services?.[0];
  const family = taskDefinitionRef(current?.taskDefinition ?? "").family;
  const revisions = await h.sandbox.ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, maxResults: 100 }));
  const history = await h.sandbox.ecs.send(new ListServiceDeploymentsCommand({ cluster: "production", service }));
  return {
    taskDefinition: current?.taskDefinition,
    deployments: (current?.deployments ?? []).map((d) => `${d.id} ${d.taskDefinition} ${d.rolloutState}`),
    serviceDeployments: (history.serviceDeployments ?? []).map((d) => `${d.serviceDeploymentArn} ${d.status}`),
    revisions: revisions.taskDefinitionArns?.length ?? 0,
  };
}

/** The app's own access key: the one the policy under test restricts (the sandbox's test clients keep theirs). */
export const APP_ACCESS_KEY = "AKIASTEADYSTATEAPP01";

function actAs(accessKeyId: string): void {
  process.env.AWS_ACCESS_KEY_ID = accessKeyId;
  resetAwsCaches();
}

/** The deploy harness with the dashboard on APP_ACCESS_KEY, so a policy restricts the app and not the test's set-up. */
export function useIamHarness(): DeployHarness {
  const h = useDeployHarness();
  beforeEach(() => actAs(APP_ACCESS_KEY));
  // The key pointAwsAt sets, for whatever runs next in this worker.
  afterAll(() => actAs(TEST_CREDENTIALS.accessKeyId));
  return h;
}

/** A fresh demo world with `policy` as the app's only permissions. */
export async function resetWithPolicy(h: DeployHarness, policy: PolicyDocument): Promise<void> {
  await h.sandbox.control.reset("demo");
  resetAwsCaches();
  await h.sandbox.control.setIam(iamSettingsFor(APP_ACCESS_KEY, policy));
}
