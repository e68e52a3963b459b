// The ECS error codes and the real messages AWS sends with them (aws-behaviour.md §1.4).
import { AwsError } from "../core/aws-error";

export const clusterNotFound = () => new AwsError("ClusterNotFoundException", "Cluster not found.");
export const serviceNotFound = () => new AwsError("ServiceNotFoundException", "Service not found.");
export const serviceNotActive = () => new AwsError("ServiceNotActiveException", "Service was not ACTIVE.");
export const unableToDescribeTaskDefinition = () => new AwsError("ClientException", "Unable to describe task definition.");
export const resourceNotFound = () => new AwsError("ResourceNotFoundException", "The specified resource could not be found.");
// The next two messages are the sandbox's own (AWS documents the codes, not the texts).
export const serviceDeploymentNotFound = () =>
  new AwsError("ServiceDeploymentNotFoundException", "The service deployment does not exist.");
export const deploymentFinished = (status: string) =>
  new AwsError("ConflictException", `The service deployment is ${status} and can no longer be stopped.`);
