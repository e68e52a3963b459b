// The domain lifecycle evaluator (through the image history) must agree with the sandbox's
// StartLifecyclePolicyPreview/GetLifecyclePolicyPreview on the demo repositories.
import { GetLifecyclePolicyPreviewCommand, StartLifecyclePolicyPreviewCommand, paginateGetLifecyclePolicyPreview } from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { envScope, awsRuntime, listImages } from "@/lib/aws";
import { getImageHistory } from "@/lib/queries/image-history";
import { evaluateLifecycle } from "@/lib/queries/lifecycle-view";
import { DEMO_SERVICE_NAMES } from "../../sandbox/seed/demo-facts";
import { demoConfig, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();

/** The sandbox's preview of `policyText` (or the repository's policy): digest → rule priority. */
async function preview(repositoryName: string, policyText?: string): Promise<Map<string, number>> {
  await sandbox.ecr.send(new StartLifecyclePolicyPreviewCommand({ repositoryName, lifecyclePolicyText: policyText }));
  // A sandbox preview completes 5 sim seconds after it starts.
  await sandbox.control.advance(5_000);
  const first = await sandbox.ecr.send(new GetLifecyclePolicyPreviewCommand({ repositoryName }));
  expect(first.status).toBe("COMPLETE");
  const out = new Map<string, number>();
  for await (const page of paginateGetLifecyclePolicyPreview({ client: sandbox.ecr }, { repositoryName })) {
    for (const r of page.previewResults ?? []) out.set(r.imageDigest ?? "", r.appliedRulePriority ?? 0);
  }
  return out;
}

const STRICT_POLICIES: Array<[string, object]> = [
  ["keep 3 prod images", { rules: [{ rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["prod"], countType: "imageCountMoreThan", countNumber: 3 }, action: { type: "expire" } }] }],
  [
    "sha- images older than 20 days, then anything beyond 15",
    {
      rules: [
        { rulePriority: 5, selection: { tagStatus: "tagged", tagPatternList: ["sha-*"], countType: "sinceImagePushed", countUnit: "days", countNumber: 20 }, action: { type: "expire" } },
        { rulePriority: 10, selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: 15 }, action: { type: "expire" } },
      ],
    },
  ],
  [
    "latest kept by a higher rule; untagged beyond 1",
    {
      rules: [
        { rulePriority: 1, selection: { tagStatus: "tagged", tagPrefixList: ["latest"], countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } },
        { rulePriority: 2, selection: { tagStatus: "untagged", countType: "imageCountMoreThan", countNumber: 1 }, action: { type: "expire" } },
        { rulePriority: 3, selection: { tagStatus: "tagged", tagPrefixList: ["prod", "sha"], countType: "imageCountMoreThan", countNumber: 5 }, action: { type: "expire" } },
      ],
    },
  ],
];

describe("lifecycle evaluation agrees with the sandbox's preview", () => {
  it.each(DEMO_SERVICE_NAMES)("on %s with its own (demo) policy after two CI pushes, as the image history shows it", async (repo) => {
    // The seeded repositories are already trimmed to the policy; two new prod images push two old ones out.
    await sandbox.control.push({ repository: repo });
    await sandbox.control.push({ repository: repo });
    const expected = await preview(repo);
    expect(expected.size).toBeGreaterThanOrEqual(2);
    const now = new Date(await sandbox.control.now());
    const history = await getImageHistory("sandbox", repo, { page: 1, pageSize: 200, prod: false }, { config, now });
    const ours = new Map(history.images.flatMap((i) => (i.expiresByLifecycle ? [[i.digest, i.expiresByLifecycle.rulePriority] as const] : [])));
    expect(ours).toEqual(expected);
    expect(history.lifecycle.expiringCount).toBe(expected.size);
  });

  it.each(STRICT_POLICIES)("on my-api with the policy '%s'", async (_name, policy) => {
    const text = JSON.stringify(policy);
    const expected = await preview("my-api", text);
    expect(expected.size).toBeGreaterThan(0);
    const now = new Date(await sandbox.control.now());
    const images = await listImages(envScope(awsRuntime(config), config.environments[0]!), "my-api");
    const ours = new Map([...evaluateLifecycle(text, images, now).expiries].map(([digest, e]) => [digest, e.rulePriority]));
    expect(ours).toEqual(expected);
  });
});
