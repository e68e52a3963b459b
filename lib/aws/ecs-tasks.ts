// RUNNING tasks of a whole cluster: one paginated ListTasks per cluster and DescribeTasks in batches
// of 100, instead of one ListTasks per service, because the overview needs every service's digests.
import { DescribeTasksCommand, paginateListTasks } from "@aws-sdk/client-ecs";
import { compareText } from "@/lib/domain/compare";
import type { Task } from "@/lib/domain/types";
import { chunk } from "./batch";
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
