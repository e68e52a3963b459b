// RUNNING tasks of a whole cluster: one paginated ListTasks per cluster and DescribeTasks in batches
// of 100, instead of one ListTasks per service, because the overview needs every service's digests.
import { DescribeTasksCommand, ListTasksCommand, paginateListTasks } from "@aws-sdk/client-ecs";
import { compareText } from "@/lib/domain/compare";
import type { Task } from "@/lib/domain/types";
import { chunk } from "./batch";
import { typedAwsCall } from "./errors";
import { mapTask } from "./ecs-map";
import { cacheKey, type EnvScope } from "./runtime";

const DESCRIBE_BATCH = 100;

/** Tasks of `cluster` whose desired status is RUNNING (includes PENDING ones), in ARN order. */
export function listClusterTasks(scope: EnvScope, cluster: string): Promise<Task[]> {
  return scope.rt.mutable.get(
    cacheKey(scope, "ecs", "tasks", cluster),
    async () => {
      const arns: string[] = [];
      for await (const page of paginateListTasks({ client: scope.clients.ecs, pageSize: 100 }, { cluster, desiredStatus: "RUNNING" })) {
        arns.push(...(page.taskArns ?? []));
      }
      const pages = await Promise.all(
        chunk(arns, DESCRIBE_BATCH).map((tasks) => scope.clients.ecs.send(new DescribeTasksCommand({ cluster, tasks }))),
      );
      return pages.flatMap((p) => (p.tasks ?? []).map(mapTask)).sort((a, b) => compareText(a.arn, b.arn));
    },
    scope.fresh,
  );
}

/** The tasks of one service among a cluster's tasks (`group` is `service:<name>`). */
export function tasksOfService(tasks: readonly Task[], service: string): Task[] {
  const group = `service:${service}`;
  return tasks.filter((t) => t.group === group);
}

/**
 * The most recently stopped tasks of a service (ECS keeps them describable for at least an hour), read
 * now: why a deployment's tasks failed (CannotPullContainerError, exit codes, health checks) is what an
 * operation's outcome must show, not just "rolled back".
 */
export async function stoppedTasksOfService(scope: EnvScope, cluster: string, service: string, limit = 10): Promise<Task[]> {
  const region = scope.env.region;
  const listed = await typedAwsCall("ecs", "ListTasks", region, () =>
    scope.clients.ecs.send(new ListTasksCommand({ cluster, serviceName: service, desiredStatus: "STOPPED", maxResults: 100 })),
  );
  const arns = listed.taskArns ?? [];
  if (arns.length === 0) return [];
  const described = await typedAwsCall("ecs", "DescribeTasks", region, () => scope.clients.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns })));
  const stoppedAt = (t: Task) => t.stoppedAt?.getTime() ?? 0;
  return (described.tasks ?? []).map(mapTask).sort((a, b) => stoppedAt(b) - stoppedAt(a)).slice(0, limit);
}
