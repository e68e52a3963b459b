// The ECS throttling bucket groups of aws-behaviour.md §5: one bucket per account and Region shared by a
// group of actions. Rates marked [unverified] there are used as given.
export interface BucketGroup {
  name: string;
  burst: number;
  ratePerSecond: number;
}

const GROUPS: Array<BucketGroup & { operations: string[] }> = [
  { name: "cluster-read", burst: 50, ratePerSecond: 20, operations: ["DescribeClusters", "ListClusters"] },
  { name: "service-read", burst: 100, ratePerSecond: 20, operations: ["DescribeServices", "ListServices"] },
  {
    name: "cluster-resource-read",
    burst: 100,
    ratePerSecond: 20,
    operations: ["DescribeTasks", "ListTasks", "DescribeContainerInstances", "ListContainerInstances"],
  },
  {
    // Emulator choice: AWS publishes no numbers for this group; the other read groups' 100/20 is used.
    name: "task-definition-read",
    burst: 100,
    ratePerSecond: 20,
    operations: ["DescribeTaskDefinition", "ListTaskDefinitions", "ListTaskDefinitionFamilies"],
  },
  { name: "task-definition-modify", burst: 20, ratePerSecond: 1, operations: ["RegisterTaskDefinition", "DeregisterTaskDefinition"] },
  { name: "service-modify", burst: 50, ratePerSecond: 5, operations: ["UpdateService", "CreateService", "DeleteService"] },
];

/**
 * Emulator choice: actions outside the published groups (other ECS actions, every ECR action, for which
 * no rates are published) get a bucket of their own with the common read rate, 100 burst and 20/s.
 */
export function awsBucketFor(service: string, operation: string): BucketGroup {
  const group = service === "ecs" ? GROUPS.find((candidate) => candidate.operations.includes(operation)) : undefined;
  if (group) return { name: `ecs:${group.name}`, burst: group.burst, ratePerSecond: group.ratePerSecond };
  return { name: `${service}:${operation}`, burst: 100, ratePerSecond: 20 };
}
