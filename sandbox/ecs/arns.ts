// ARN builders and parsers for the ECS resources the sandbox models (long ARN format throughout).
export interface ArnScope {
  account: string;
  region: string;
}

const prefix = (s: ArnScope) => `arn:aws:ecs:${s.region}:${s.account}`;

export const clusterArn = (s: ArnScope, cluster: string) => `${prefix(s)}:cluster/${cluster}`;
export const serviceArn = (s: ArnScope, cluster: string, service: string) => `${prefix(s)}:service/${cluster}/${service}`;
export const taskArn = (s: ArnScope, cluster: string, id: string) => `${prefix(s)}:task/${cluster}/${id}`;
export const containerArn = (s: ArnScope, cluster: string, taskId: string, uuid: string) =>
  `${prefix(s)}:container/${cluster}/${taskId}/${uuid}`;
export const taskDefinitionArn = (s: ArnScope, family: string, revision: number) =>
  `${prefix(s)}:task-definition/${family}:${revision}`;
export const serviceDeploymentArn = (s: ArnScope, cluster: string, service: string, id: string) =>
  `${prefix(s)}:service-deployment/${cluster}/${service}/${id}`;
export const serviceRevisionArn = (s: ArnScope, cluster: string, service: string, number: string) =>
  `${prefix(s)}:service-revision/${cluster}/${service}/${number}`;

/** `arn:aws:ecs:{r}:{acct}:{type}/{rest}` → { type, rest }, or undefined when not an ECS ARN. */
export function parseEcsArn(arn: string): { region: string; account: string; type: string; rest: string } | undefined {
  const match = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/.exec(arn);
  if (!match) return undefined;
  const [, region = "", account = "", type = "", rest = ""] = match;
  return { region, account, type, rest };
}

/** The last path segment of a name-or-ARN parameter (`web`, `…:service/prod/web`, `…:cluster/prod`). */
export function lastSegment(nameOrArn: string): string {
  if (!nameOrArn.startsWith("arn:")) return nameOrArn;
  const slash = nameOrArn.lastIndexOf("/");
  return slash >= 0 ? nameOrArn.slice(slash + 1) : nameOrArn;
}
