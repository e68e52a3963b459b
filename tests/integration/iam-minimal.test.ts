// rollback.json is exactly enough: for every action it allows, the same policy without that one action
// makes a named journey fail, and the failure names the action (so a platform team that trims the
// policy learns at once what it broke). One sandbox; each case resets the demo world and the IAM settings.
import { describe, expect, it } from "vitest";
import { loadPolicy, policyActions, withoutAction } from "../support/iam-policy";
import { problemsOf, readJourneys, resetWithPolicy, useIamHarness, writeJourneys, type ReadJourney, type WriteJourney } from "../support/iam-policy-journeys";

const h = useIamHarness();
const reads = readJourneys(h);
const writes = writeJourneys(h);
const rollback = loadPolicy("rollback");

// The journey that breaks without each action, and what the user is told. Every entry names its
// action, except ecs:DescribeServiceRevisions: without it the service page still lists the deployment
// history (deliberately, lib/aws/ecs-service-deployments.ts) but cannot say what each one deployed.
const NEEDED_BY: Record<string, { journey: ReadJourney | WriteJourney; says?: RegExp }> = {
  "ecs:ListClusters": { journey: "overview" },
  "ecs:ListServices": { journey: "overview" },
  "ecs:ListTasks": { journey: "overview" },
  "ecs:DescribeTasks": { journey: "overview" },
  "ecs:DescribeServices": { journey: "overview" },
  "ecs:DescribeTaskDefinition": { journey: "overview" },
  "ecs:ListTaskDefinitions": { journey: "service page" },
  "ecs:ListServiceDeployments": { journey: "service page" },
  "ecs:DescribeServiceDeployments": { journey: "timeline" },
  "ecs:DescribeServiceRevisions": { journey: "service page", says: /deployments without their target revision/ },
  "ecr:DescribeRepositories": { journey: "repositories" },
  "ecr:DescribeImages": { journey: "image history" },
  "ecr:DescribeImageScanFindings": { journey: "image page" },
  "ecr:GetLifecyclePolicy": { journey: "image history" },
  "ecs:RegisterTaskDefinition": { journey: "image deploy" },
  "ecs:TagResource": { journey: "image deploy" },
  "ecs:UpdateService": { journey: "rollback" },
  "ecs:StopServiceDeployment": { journey: "stop" },
  "iam:PassRole": { journey: "rollback" },
};

const isWrite = (journey: string): journey is WriteJourney => journey in writes;

async function problemsWithout(action: string, journey: ReadJourney | WriteJourney): Promise<string[]> {
  await resetWithPolicy(h, withoutAction(rollback, action));
  if (!isWrite(journey)) return problemsOf(reads[journey]);
  const write = writes[journey];
  await write.prepare();
  return problemsOf(() => write.start());
}

describe("rollback.json without one action", () => {
  it("has a journey for every action it allows, and no other", () => {
    expect(Object.keys(NEEDED_BY).sort()).toEqual(policyActions(rollback).sort());
  });

  const cases = Object.entries(NEEDED_BY).map(([action, { journey, says }]) => [action, journey, says] as const);
  it.each(cases)("without %s, the %s journey fails", async (action, journey, says) => {
    const problems = await problemsWithout(action, journey);
    const expected = says ?? new RegExp(`may not call ${action}\\b`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });
});
