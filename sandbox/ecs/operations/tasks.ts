// ListTasks and DescribeTasks (§2.4). Stopped tasks stay listed (desiredStatus STOPPED) and describable
// for an hour after they stop.
import { invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalString, optionalStringList } from "../../core/validate";
import { lastSegment, taskArn } from "../arns";
import { renderTask } from "../render/task";
import { ecs, includes, readMaxResults } from "./common";

export const taskOperations: OperationTable = {
  ListTasks(input, ctx) {
    const region = ecs(ctx);
    const cluster = region.cluster(optionalString(input, "cluster"));
    const serviceName = optionalString(input, "serviceName");
    const service = serviceName === undefined ? undefined : region.service(cluster, serviceName);
    const family = optionalString(input, "family");
    const startedBy = optionalString(input, "startedBy");
    const launchType = oneOf(optionalString(input, "launchType"), "launchType", ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"]);
    const desiredStatus = oneOf(optionalString(input, "desiredStatus"), "desiredStatus", ["RUNNING", "PENDING", "STOPPED"]) ?? "RUNNING";
    const arns: string[] = [];
    for (const task of cluster.tasks.values()) {
      if (task.desiredStatus !== desiredStatus) continue;
      if (service !== undefined && task.service !== service) continue;
      if (family !== undefined && task.deployment.taskDefinition.family !== family) continue;
      if (startedBy !== undefined && task.deployment.id !== startedBy) continue;
      if (launchType !== undefined && task.deployment.launchType !== launchType) continue;
      arns.push(task.arn);
    }
    const page = paginate(arns, {
      nextToken: optionalString(input, "nextToken"),
      maxResults: readMaxResults(input),
      defaultPageSize: 100,
      queryKey: `tasks/${cluster.name}/${service?.name ?? ""}/${family ?? ""}/${startedBy ?? ""}/${launchType ?? ""}/${desiredStatus}`,
    });
    return { taskArns: page.items, nextToken: page.nextToken };
  },

  DescribeTasks(input, ctx) {
    const region = ecs(ctx);
    const cluster = region.cluster(optionalString(input, "cluster"));
    const refs = optionalStringList(input, "tasks") ?? [];
    if (refs.length === 0) throw invalidParameter("Tasks cannot be empty.");
    if (refs.length > 100) throw invalidParameter("tasks can have at most 100 items.");
    const withTags = includes(input, ["TAGS"], "TAGS");
    const tasks = [];
    const failures = [];
    for (const ref of refs) {
      const task = cluster.tasks.get(lastSegment(ref));
      if (task) tasks.push(renderTask(task, ctx.now, { tags: withTags }));
      else failures.push({ arn: ref.startsWith("arn:") ? ref : taskArn(region.scope, cluster.name, ref), reason: "MISSING" });
    }
    return { tasks, failures };
  },
};
