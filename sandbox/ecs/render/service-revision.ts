// The ServiceRevision shape (DescribeServiceRevisions): what one deployment rolled out — task definition,
// the image digests resolved when it started, launch settings and network configuration.
import type { Deployment } from "../types";
import { date } from "./dates";

/** AWS omits lists the service does not use (loadBalancers, serviceRegistries, …) rather than sending []. */
const nonEmpty = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value : undefined);

export function renderServiceRevision(d: Deployment) {
  const capacityProviderStrategy = nonEmpty(d.revisionSettings.capacityProviderStrategy);
  return {
    serviceRevisionArn: d.revisionArn,
    serviceArn: d.service.arn,
    clusterArn: d.service.cluster.arn,
    taskDefinition: d.taskDefinition.arn,
    capacityProviderStrategy,
    // A service runs either a capacity provider strategy or a launch type, never both.
    launchType: capacityProviderStrategy ? undefined : d.launchType,
    platformVersion: d.platformVersion,
    platformFamily: d.launchType === "FARGATE" ? "Linux" : undefined,
    loadBalancers: nonEmpty(d.revisionSettings.loadBalancers),
    serviceRegistries: nonEmpty(d.revisionSettings.serviceRegistries),
    networkConfiguration: d.networkConfiguration,
    containerImages: d.images.map((img) => ({ containerName: img.name, imageDigest: img.digest, image: img.image })),
    // Runtime Monitoring and Service Connect are not modelled; AWS reports both as off in that case.
    guardDutyEnabled: false,
    serviceConnectConfiguration: { enabled: false },
    createdAt: date(d.createdAt),
  };
}
