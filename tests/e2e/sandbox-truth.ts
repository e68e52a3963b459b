// What the sandbox says is true, read with the real AWS SDK, so e2e assertions compare the UI with
// the emulator instead of with hard-coded values.
import { DescribeImagesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from "@aws-sdk/client-ecs";

// Same defaults as playwright.config.ts (scripts/e2e.ts passes free ports through these variables).
export const sandboxUrl = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 45661}`;

const clientConfig = {
  endpoint: sandboxUrl,
  region: "ap-south-1",
  credentials: { accessKeyId: "AKIASANDBOXE2E000001", secretAccessKey: "sandbox-e2e-not-a-secret" },
};

const PROD_TAG = /^prod-(?<sha>[0-9a-f]{7,40})$/;

/** The git SHA of the image `service` runs for the container built from `repository`, per ECS and ECR. */
export async function prodShaOf(cluster: string, service: string, repository: string): Promise<string> {
  const ecs = new ECSClient(clientConfig);
  const ecr = new ECRClient(clientConfig);
  try {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }));
    const taskDefinitionArn = services?.[0]?.taskDefinition;
    if (!taskDefinitionArn) throw new Error(`${cluster}/${service} has no task definition`);
    const { taskDefinition } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }));
    const image = taskDefinition?.containerDefinitions?.find((c) => new RegExp(`/${repository}[:@]`).test(c.image ?? ""))?.image;
    if (!image) throw new Error(`${service} has no container from ${repository}`);

    const tag = image.includes("@") ? undefined : image.split(":").pop();
    const fromTag = tag ? PROD_TAG.exec(tag)?.groups?.sha : undefined;
    if (fromTag) return fromTag;
    // Pinned by digest (or a non-prod tag): the prod tag is on the image in ECR.
    const imageId = image.includes("@") ? { imageDigest: image.split("@")[1] } : { imageTag: tag };
    const { imageDetails } = await ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [imageId] }));
    const sha = imageDetails?.[0]?.imageTags?.map((t) => PROD_TAG.exec(t)?.groups?.sha).find(Boolean);
    if (!sha) throw new Error(`${image} carries no prod-<sha> tag`);
    return sha;
  } finally {
    ecs.destroy();
    ecr.destroy();
  }
}
