// The "scale" scenario for benchmarks: many clusters and services and big repositories, seeded in a few
// seconds. Images are pushed straight into the ECR model (no per-image API round trip) over the last day.
import { z } from "zod";
import { DEMO_ACCOUNT, DEMO_REGION } from "./demo-facts";
import { randomFindings } from "./findings";
import { Rng } from "./prng";
import { SeedDriver, type SeedTarget } from "./seed-driver";
import { createServiceInput, repositoryUri, taskDefinitionInput } from "./task-definitions";

export const scaleOptionsSchema = z
  .strictObject({
    clusters: z.number().int().min(1).max(50).default(2),
    servicesPerCluster: z.number().int().min(0).max(5000).default(250),
    repositories: z.number().int().min(1).max(200).default(10),
    /** ECR's own quota is 100,000 images per repository. */
    imagesPerRepository: z.number().int().min(1).max(100_000).default(1000),
  })
  .refine((options) => options.clusters * options.servicesPerCluster <= 10_000, "at most 10,000 services in total");

export type ScaleOptions = z.infer<typeof scaleOptionsSchema>;

const HOUR = 3600 * 1000;
const pad = (n: number) => String(n).padStart(4, "0");

export function seedScale(target: SeedTarget, rawOptions: unknown): void {
  const options = scaleOptionsSchema.parse(rawOptions ?? {});
  const rng = Rng.seeded(7_919);
  const end = target.clock.now();
  const start = end - 24 * HOUR;
  SeedDriver.replay(target, { account: DEMO_ACCOUNT, region: DEMO_REGION, startAt: start }, (driver) => {
    const families: string[] = [];
    driver.moveTo(start + 12 * HOUR);
    for (let r = 0; r < options.repositories; r += 1) {
      const repositoryName = `repo-${pad(r)}`;
      driver.ecr("CreateRepository", { repositoryName, imageScanningConfiguration: { scanOnPush: true } });
      let newestSha = "";
      for (let i = 0; i < options.imagesPerRepository; i += 1) {
        newestSha = rng.hex(40);
        driver.world.ecr.pushImage({
          repositoryName,
          tags: [`prod-${newestSha}`, `sha-${newestSha.slice(0, 7)}`, "latest"],
          pushedAt: start + Math.floor((i * 12 * HOUR) / options.imagesPerRepository),
          contentSeed: newestSha,
          findings: i % 10 === 0 ? randomFindings(rng) : [],
          scanned: true,
        });
      }
      const family = `family-${pad(r)}`;
      const image = `${repositoryUri(driver.account, driver.region, repositoryName)}:prod-${newestSha}`;
      const revision = taskDefinitionInput({ ...driver, family, service: family, image, release: newestSha.slice(0, 7), port: 8080, logLevel: "info" });
      driver.ecs("RegisterTaskDefinition", revision);
      families.push(family);
    }
    driver.moveTo(start + 13 * HOUR);
    for (let c = 0; c < options.clusters; c += 1) {
      const cluster = `cluster-${pad(c)}`;
      driver.ecs("CreateCluster", { clusterName: cluster });
      for (let s = 0; s < options.servicesPerCluster; s += 1) {
        const index = c * options.servicesPerCluster + s;
        driver.ecs(
          "CreateService",
          createServiceInput({
            cluster,
            service: `service-${pad(s)}`,
            taskDefinition: families[index % families.length] ?? "",
            desiredCount: 1 + (index % 3),
            circuitBreaker: index % 2 === 0,
          }),
        );
      }
    }
    driver.moveTo(end);
  });
}
