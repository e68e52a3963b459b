// One reader of AWS ARNs (`arn:partition:service:region:account:resource`), instead of a
// hand-written `lastIndexOf("/")` wherever a name is needed. The resource may itself contain ":"
// (`task-definition/web:7`), so only the first five colons separate fields. Pure.

export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the fifth colon, e.g. `service/production/web`. */
  resource: string;
}

export function parseArn(value: string): Arn | undefined {
  const parts = value.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", accountId = ""] = parts;
  return { partition, service, region, accountId, resource: parts.slice(5).join(":") };
}

/** The resource of an ARN, or `value` itself when it is not an ARN (AWS accepts bare names in most places). */
function resourceOf(value: string): string {
  return parseArn(value)?.resource ?? value;
}

/** The last `/` segment of the resource: the name or id (`…:cluster/production` → `production`). */
export function arnResourceTail(value: string): string {
  const resource = resourceOf(value);
  return resource.slice(resource.lastIndexOf("/") + 1);
}

/** `{family, revision}` of a task-definition ARN or `family:N`; revision 0 when none is given. */
export function taskDefinitionRef(value: string): { family: string; revision: number } {
  const tail = arnResourceTail(value);
  const colon = tail.lastIndexOf(":");
  if (colon === -1) return { family: tail, revision: 0 };
  return { family: tail.slice(0, colon), revision: Number(tail.slice(colon + 1)) || 0 };
}

/** `family:N` of a task-definition ARN. */
export function taskDefinitionLabel(value: string): string {
  const { family, revision } = taskDefinitionRef(value);
  return `${family}:${revision}`;
}

/** Cluster name of a cluster ARN or a bare name. */
export const clusterName = arnResourceTail;

/** Service name of a service ARN (new `service/cluster/name` or old `service/name` format) or a bare name. */
export const serviceName = arnResourceTail;

/**
 * The parts of a service-scoped ECS ARN (`service-deployment/cluster/service/id`,
 * `service-revision/cluster/service/id`); undefined when the ARN is of another type.
 */
function serviceScoped(value: string, type: string): { cluster: string; service: string; id: string } | undefined {
  const [kind, cluster, service, id, ...rest] = resourceOf(value).split("/");
  if (kind !== type || !cluster || !service || !id || rest.length > 0) return undefined;
  return { cluster, service, id };
}

/** `{cluster, service, id}` of a service-deployment ARN. */
export function serviceDeploymentParts(value: string): { cluster: string; service: string; id: string } | undefined {
  return serviceScoped(value, "service-deployment");
}

/** `{cluster, service, id}` of a service-revision ARN. */
export function serviceRevisionParts(value: string): { cluster: string; service: string; id: string } | undefined {
  return serviceScoped(value, "service-revision");
}
