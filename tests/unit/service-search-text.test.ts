import { describe, expect, it } from "vitest";
import { matchesFilter } from "@/components/overview/filter-match";
import { serviceSearchText } from "@/components/overview/search-text";
import { parseImageReference } from "@/lib/domain/image-reference";
import type { ContainerImage, ServiceRow } from "@/lib/queries/types";

const SHA = "1a7bf4d3369e964f2419ffa59e1d0ec0d0b780a6";
const DIGEST = `sha256:${"ab".repeat(32)}`;

function container(name: string, image: string, extra: Partial<ContainerImage> = {}): ContainerImage {
  const reference = parseImageReference(image);
  return { container: name, image, ...(reference && { reference }), ...(reference?.tag && { tag: reference.tag }), runningDigests: [], ...extra };
}

const row = {
  envId: "production",
  cluster: "main",
  name: "my-api",
  revision: { label: "my-api:42" },
  containers: [
    container("app", `123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/my-api:prod-${SHA}`, {
      commit: { tag: `prod-${SHA}`, sha: SHA, shortSha: SHA.slice(0, 7) },
      runningDigests: [DIGEST],
    }),
    container("proxy", "nginx:1.25"),
  ],
} as unknown as ServiceRow;

describe("serviceSearchText", () => {
  const text = serviceSearchText(row);

  it.each([
    ["the service name", "my-api"],
    ["the cluster and environment", "main production"],
    ["the revision", "my-api:42"],
    ["a container name", "proxy"],
    ["the repository path of an ECR image", "team/my-api"],
    ["the image tag", `prod-${SHA.slice(0, 10)}`],
    ["a short SHA", SHA.slice(0, 7)],
    ["a digest prefix", "sha256:abab"],
    ["an image from Docker Hub", "nginx:1.25"],
    ["upper-case input", "MY-API"],
  ])("matches %s", (_what, query) => {
    expect(matchesFilter(text, query)).toBe(true);
  });

  it.each([
    ["another service", "payments"],
    ["a term that is not there, next to one that is", "my-api billing"],
    ["the ECR registry host, which is the same for the whole environment", "dkr.ecr.eu-west-1"],
  ])("does not match %s", (_what, query) => {
    expect(matchesFilter(text, query)).toBe(false);
  });

  it("keeps no part that another part already contains", () => {
    expect(text.split(" ")).not.toContain(`prod-${SHA}`);
    expect(text.split(" ")).not.toContain(SHA);
  });
});
