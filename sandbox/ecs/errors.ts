// The ECS error codes and the real messages AWS sends with them (aws-behaviour.md §1.4).
import { AwsError } from "../core/aws-error";

export const clusterNotFound = () => new AwsError("ClusterNotFoundException", "Cluster not found.");
export const serviceNotFound = () => new AwsError("ServiceNotFoundException", "Service not found.");
export const serviceNotActive = () => new AwsError("ServiceNotActiveException", "Service was not ACTIVE.");
export const unableToDescribeTaskDefinition = () => new AwsError("ClientException", "Unable to describe task definition.");
export const resourceNotFound = () => new AwsError("ResourceNotFoundException", "The specified resource could not be found.");
