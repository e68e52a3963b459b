// Which revision will run after a rollback or deploy, and whether one must be registered first
// (issue 10, aws-behaviour.md §2.2 and §8.6):
// - an ACTIVE revision target runs as it is;
// - an INACTIVE one is cloned into a new ACTIVE revision (ECS refuses to deploy INACTIVE);
// - an image target is a clone of the CURRENT revision with only that container's image replaced,
//   pinned by digest; every other container and field is copied untouched.
// A clone identical to an ACTIVE revision of the family reuses that revision instead of registering another.
import { cloneTags } from "./clone-tags";
import { sameJson } from "./json-equal";
import { revisionLabel, type Tag, type TaskDefinition, type TaskDefinitionSpec } from "./task-definition";

export type ResolvedTarget =
  | { kind: "revision"; taskDefinition: TaskDefinition; sourceTag?: string; sha?: string }
  | { kind: "image"; container: string; repositoryUri: string; digest: string; tag?: string; sha?: string };

export interface PlanInput {
  /** The revision the service runs now (its PRIMARY deployment's), read fresh with tags. */
  current: TaskDefinition;
  target: ResolvedTarget;
  /** ACTIVE revisions of the family (the newest few suffice), read whole. */
  activeRevisions: readonly TaskDefinition[];
  operationId: string;
}

export type PlannedRevision =
  | { kind: "existing"; taskDefinition: TaskDefinition }
  | { kind: "register"; spec: TaskDefinitionSpec; tags: Tag[]; clonedFrom: string };

export interface DeployPlan {
  from: { arn: string; label: string };
  run: PlannedRevision;
  /** The spec that will run, whichever way it comes. */
  targetSpec: TaskDefinitionSpec;
  needsRegistration: boolean;
  /** The service already runs exactly this revision: there is nothing to deploy. */
  unchanged: boolean;
  summary: string;
}

export type PlanResult = { ok: true; plan: DeployPlan } | { ok: false; error: string };

function withImage(spec: TaskDefinitionSpec, container: string, image: string): TaskDefinitionSpec {
  const copy = structuredClone(spec);
  copy.containerDefinitions = copy.containerDefinitions.map((c) => (c.name === container ? { ...c, image } : c));
  return copy;
}

function plan(current: TaskDefinition, run: PlannedRevision, summary: string): PlanResult {
  const unchanged = run.kind === "existing" && run.taskDefinition.arn === current.arn;
  return {
    ok: true,
    plan: {
      from: { arn: current.arn, label: revisionLabel(current) },
      run,
      targetSpec: run.kind === "existing" ? run.taskDefinition.spec : run.spec,
      needsRegistration: run.kind === "register",
      unchanged,
      summary: unchanged ? `The service already runs ${revisionLabel(current)}; there is nothing to deploy.` : summary,
    },
  };
}

function cloneOrReuse(input: PlanInput, source: TaskDefinition, spec: TaskDefinitionSpec, why: string, provenance: { sourceTag?: string; sha?: string }): PlanResult {
  // The current revision first, so re-deploying what runs is reported as "unchanged", not as a reuse.
  const candidates = [input.current, ...input.activeRevisions].filter((td) => td.status === "ACTIVE");
  const identical = candidates.find((td) => sameJson(td.spec, spec));
  if (identical) {
    return plan(input.current, { kind: "existing", taskDefinition: identical }, `${why}: ${revisionLabel(identical)} is identical and ACTIVE, so it is reused.`);
  }
  const clonedFrom = revisionLabel(source);
  const tags = cloneTags(source.tags, { operationId: input.operationId, clonedFrom, ...provenance });
  if (!tags.ok) return tags;
  return plan(input.current, { kind: "register", spec, tags: tags.tags, clonedFrom }, `${why}: a new revision of ${source.family} is registered, cloned from ${clonedFrom}.`);
}

export function planDeployment(input: PlanInput): PlanResult {
  const { current, target } = input;
  if (target.kind === "revision") {
    const td = target.taskDefinition;
    if (td.family !== current.family) return { ok: false, error: `${revisionLabel(td)} is not of family ${current.family}` };
    if (td.status === "ACTIVE") return plan(current, { kind: "existing", taskDefinition: td }, `${revisionLabel(td)} is ACTIVE and runs as it is.`);
    if (td.status !== "INACTIVE") return { ok: false, error: `${revisionLabel(td)} is ${td.status} and cannot be deployed or cloned` };
    const provenance = { ...(target.sourceTag && { sourceTag: target.sourceTag }), ...(target.sha && { sha: target.sha }) };
    return cloneOrReuse(input, td, structuredClone(td.spec), `${revisionLabel(td)} is INACTIVE and ECS will not deploy it`, provenance);
  }
  if (!current.spec.containerDefinitions.some((c) => c.name === target.container)) {
    return { ok: false, error: `container "${target.container}" is not in ${revisionLabel(current)}` };
  }
  const image = `${target.repositoryUri}@${target.digest}`;
  const spec = withImage(current.spec, target.container, image);
  const provenance = { ...(target.tag && { sourceTag: target.tag }), ...(target.sha && { sha: target.sha }) };
  return cloneOrReuse(input, current, spec, `Container ${target.container} moves to ${image}`, provenance);
}
