// ListServices, DescribeServices, CreateService, UpdateService and DeleteService.
import { invalidParameter } from "../../core/aws-error";
import type { OperationTable } from "../../core/operation";
import { paginate } from "../../core/pagination";
import { oneOf, optionalString, optionalStringList } from "../../core/validate";
import { lastSegment, serviceArn } from "../arns";
import { renderService } from "../render/service";
import { createService, deleteService, updateService } from "../services";
import { ecs, includes, readMaxResults } from "./common";

export const serviceOperations: OperationTable = {
  ListServices(input, ctx) {
    const cluster = ecs(ctx).cluster(optionalString(input, "cluster"));
    const launchType = oneOf(optionalString(input, "launchType"), "launchType", ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"]);
    const strategy = oneOf(optionalString(input, "schedulingStrategy"), "schedulingStrategy", ["REPLICA", "DAEMON"]);
    const arns: string[] = [];
    for (const service of cluster.services.values()) {
      if (service.status === "INACTIVE") continue;
      if (launchType !== undefined && service.launchType !== launchType) continue;
      if (strategy !== undefined && service.schedulingStrategy !== strategy) continue;
      arns.push(service.arn);
    }
    const page = paginate(arns, {
      nextToken: optionalString(input, "nextToken"),
      maxResults: readMaxResults(input),
      defaultPageSize: 10,
      queryKey: `services/${cluster.name}/${launchType ?? ""}/${strategy ?? ""}`,
    });
    return { serviceArns: page.items, nextToken: page.nextToken };
  },

  DescribeServices(input, ctx) {
    const region = ecs(ctx);
    const cluster = region.cluster(optionalString(input, "cluster"));
    const refs = optionalStringList(input, "services") ?? [];
    if (refs.length === 0) throw invalidParameter("Services cannot be empty.");
    if (refs.length > 10) throw invalidParameter("service names can have at most 10 items.");
    const withTags = includes(input, ["TAGS"], "TAGS");
    const services = [];
    const failures = [];
    for (const ref of refs) {
      const service = cluster.services.get(lastSegment(ref));
      if (service) services.push(renderService(service, { tags: withTags }));
      else failures.push({ arn: ref.startsWith("arn:") ? ref : serviceArn(region.scope, cluster.name, ref), reason: "MISSING" });
    }
    return { services, failures };
  },

  CreateService(input, ctx) {
    return { service: renderService(createService(ecs(ctx), input, ctx.now), { tags: true }) };
  },

  UpdateService(input, ctx) {
    return { service: renderService(updateService(ecs(ctx), input, ctx.now)) };
  },

  DeleteService(input, ctx) {
    return { service: renderService(deleteService(ecs(ctx), input, ctx.now)) };
  },
};
