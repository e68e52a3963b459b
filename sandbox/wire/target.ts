// Routing on X-Amz-Target (aws-behaviour.md §1.1): "<prefix>.<Operation>" names the service and operation.
export type ServiceName = "ecs" | "ecr";

export const TARGET_PREFIXES: Readonly<Record<ServiceName, string>> = {
  ecs: "AmazonEC2ContainerServiceV20141113",
  ecr: "AmazonEC2ContainerRegistry_V20150921",
};

export interface Target {
  service: ServiceName;
  operation: string;
}

export function parseTarget(header: string | undefined): Target | undefined {
  if (!header) return undefined;
  const dot = header.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const prefix = header.slice(0, dot);
  const operation = header.slice(dot + 1);
  const service = (Object.keys(TARGET_PREFIXES) as ServiceName[]).find((name) => TARGET_PREFIXES[name] === prefix);
  return service && operation ? { service, operation } : undefined;
}
