// Pagination and batching beyond one page, on the sandbox's "scale" scenario: more than 100
// services and tasks in a cluster and more than 1000 images in a repository.
import { describe, expect, it } from "vitest";
import { getImageHistory } from "@/lib/queries/image-history";
import { getOverview } from "@/lib/queries/overview";
import { callsByOperation, callsOf, demoConfig, useAppSandbox } from "./support";

const SERVICES = 120;
const IMAGES = 1100;
// Desired counts cycle 1, 2, 3 (sandbox/seed/scale.ts).
const TASKS = Array.from({ length: SERVICES }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);

const sandbox = useAppSandbox({
    scenario: "scale",
    scaleOptions: { clusters: 1, servicesPerCluster: SERVICES, repositories: 2, imagesPerRepository: IMAGES },
  });
const config = demoConfig();

describe("overview beyond one page", () => {
  it("pages ListServices/ListTasks, batches DescribeServices by 10 and DescribeTasks by 100", async () => {
    const overview = await getOverview({ config });
    const services = overview.environments[0]?.clusters[0]?.services ?? [];
    expect(services).toHaveLength(SERVICES);
    expect(services.every((s) => s.containers[0]?.runningDigests.length === 1)).toBe(true);
    expect(services.every((s) => s.containers[0]?.commit?.sha.length === 40)).toBe(true);
    expect(callsByOperation(await sandbox.control.counters())).toEqual({
      ListClusters: 1,
      ListServices: Math.ceil(SERVICES / 100),
      DescribeServices: Math.ceil(SERVICES / 10),
      ListTasks: Math.ceil(TASKS / 100),
      DescribeTasks: Math.ceil(TASKS / 100),
      // Two task-definition families (one per repository), each described once.
      DescribeTaskDefinition: 2,
      // The running images' ECR records (scan summary), one batched lookup per repository.
      DescribeImages: 2,
    });
  });
});

describe("image history beyond one DescribeImages page", () => {
  it("lists all images from two 1000-image pages and paginates them in memory", async () => {
    const first = await getImageHistory("sandbox", "repo-0000", { page: 1, pageSize: 200, prod: false }, { config });
    expect(first.totalImages).toBe(IMAGES);
    expect(first.pageCount).toBe(Math.ceil(IMAGES / 200));
    // Only the list's pages: "where it runs" reads services and tasks, without the overview's ECR lookups.
    expect(callsOf(await sandbox.control.counters(), "DescribeImages")).toBe(Math.ceil(IMAGES / 1000));
    const last = await getImageHistory("sandbox", "repo-0000", { page: first.pageCount, pageSize: 200, prod: false }, { config });
    expect(last.images).toHaveLength(IMAGES % 200);
    expect(new Set([...first.images, ...last.images].map((i) => i.digest)).size).toBe(200 + (IMAGES % 200));
    // Only the list's pages: "where it runs" reads services and tasks, without the overview's ECR lookups.
    expect(callsOf(await sandbox.control.counters(), "DescribeImages")).toBe(Math.ceil(IMAGES / 1000));
  });
});
