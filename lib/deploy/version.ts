// "From" and "to" of an operation as the store keeps them and the API and timeline show them: the
// revision and, per container, the image with its tag, digest and commit SHA. Built from a spec and what
// ECR said about its images, so a digest-pinned image still shows the prod-<sha> it came from.
import { parseImageReference } from "@/lib/domain/image-reference";
import { findCommit, type TagPatterns } from "@/lib/domain/prod-tag";
import type { TaskDefinitionSpec } from "@/lib/domain/task-definition";

export interface ContainerVersion {
  name: string;
  image: string;
  tag?: string;
  digest?: string;
  sha?: string;
}

export interface Version {
  /** Absent until a cloned revision is registered. */
  taskDefinitionArn?: string;
  /** `family:N`, or "new revision of family" before registration. */
  label: string;
  containers: ContainerVersion[];
}

export type KnownImages = ReadonlyMap<string, { tags: readonly string[]; digest?: string }>;

export function versionOf(spec: TaskDefinitionSpec, label: string, arn: string | undefined, known: KnownImages, tagPattern: TagPatterns): Version {
  const containers = spec.containerDefinitions.map((c) => {
    const ref = parseImageReference(c.image);
    const ecr = known.get(c.image);
    const commit = findCommit([...(ref?.tag ? [ref.tag] : []), ...(ecr?.tags ?? [])], tagPattern);
    const out: ContainerVersion = { name: c.name, image: c.image };
    const tag = ref?.tag ?? commit?.tag;
    const digest = ref?.digest ?? ecr?.digest;
    if (tag) out.tag = tag;
    if (digest) out.digest = digest;
    if (commit) out.sha = commit.sha;
    return out;
  });
  return { label, containers, ...(arn && { taskDefinitionArn: arn }) };
}

/** Reads a stored version back; undefined for anything that is not one (the store keeps JSON as given). */
export function fromVersion(json: unknown): Version | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const v = json as Partial<Version>;
  if (typeof v.label !== "string" || !Array.isArray(v.containers)) return undefined;
  return v as Version;
}
