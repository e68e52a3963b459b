import { describe, expect, it } from "vitest";
import {
  arnResourceTail,
  clusterName,
  parseArn,
  serviceDeploymentParts,
  serviceName,
  serviceRevisionParts,
  taskDefinitionLabel,
  taskDefinitionRef,
} from "@/lib/domain/arn";

const P = "arn:aws:ecs:ap-south-1:123456789012";

describe("parseArn", () => {
  it.each([
    [`${P}:cluster/production`, { partition: "aws", service: "ecs", region: "ap-south-1", accountId: "123456789012", resource: "cluster/production" }],
    [`${P}:task-definition/web:7`, { partition: "aws", service: "ecs", region: "ap-south-1", accountId: "123456789012", resource: "task-definition/web:7" }],
    ["arn:aws-cn:iam::123456789012:role/deployer", { partition: "aws-cn", service: "iam", region: "", accountId: "123456789012", resource: "role/deployer" }],
    ["production", undefined],
    ["arn:aws:ecs:ap-south-1", undefined],
    ["urn:aws:ecs:r:a:cluster/x", undefined],
  ])("%s", (value, expected) => {
    expect(parseArn(value)).toEqual(expected);
  });
});

describe("arnResourceTail, clusterName, serviceName", () => {
  it.each([
    [arnResourceTail, `${P}:task/production/0123abcd`, "0123abcd"],
    [arnResourceTail, "arn:aws:iam::123456789012:user/ci/deployer", "deployer"],
    [arnResourceTail, "deployer", "deployer"],
    [clusterName, `${P}:cluster/production`, "production"],
    [clusterName, "staging", "staging"],
    [serviceName, `${P}:service/production/my-api`, "my-api"],
    [serviceName, `${P}:service/my-api`, "my-api"],
    [serviceName, "web", "web"],
  ])("%o(%s) = %s", (fn, value, expected) => {
    expect(fn(value)).toBe(expected);
  });
});

describe("taskDefinitionRef and taskDefinitionLabel", () => {
  it.each([
    [`${P}:task-definition/my-api:12`, { family: "my-api", revision: 12 }, "my-api:12"],
    ["my-api:3", { family: "my-api", revision: 3 }, "my-api:3"],
    ["my-api", { family: "my-api", revision: 0 }, "my-api:0"],
    [`${P}:task-definition/my-api:x`, { family: "my-api", revision: 0 }, "my-api:0"],
  ])("%s", (value, ref, label) => {
    expect(taskDefinitionRef(value)).toEqual(ref);
    expect(taskDefinitionLabel(value)).toBe(label);
  });
});

describe("serviceDeploymentParts and serviceRevisionParts", () => {
  it.each([
    [serviceDeploymentParts, `${P}:service-deployment/production/web/NCWGC2ZR-taw4FC2E`, { cluster: "production", service: "web", id: "NCWGC2ZR-taw4FC2E" }],
    [serviceDeploymentParts, `${P}:service-revision/production/web/4980306466373577095`, undefined],
    [serviceDeploymentParts, `${P}:service-deployment/production/web`, undefined],
    [serviceDeploymentParts, `${P}:service-deployment/production/web/a/b`, undefined],
    [serviceRevisionParts, `${P}:service-revision/production/web/4980306466373577095`, { cluster: "production", service: "web", id: "4980306466373577095" }],
    [serviceRevisionParts, `${P}:service/production/web`, undefined],
  ])("%o(%s)", (fn, value, expected) => {
    expect(fn(value)).toEqual(expected);
  });
});
