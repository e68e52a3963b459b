// POST /_sandbox/push and /_sandbox/crash: what CI and a bad build do to ECR, without a registry.
// A push tags the image as this project's CI does: prod-<sha>, sha-<first 7>, latest.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ControlRequest } from "../request";

const severity = z.enum(["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED"]);
const findingSchema = z.strictObject({
  id: z.string().min(1).max(200),
  severity,
  packageName: z.string().min(1).max(200),
  packageVersion: z.string().min(1).max(200),
  fixedInVersion: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
});
const repository = z.string().min(2).max(256);

const pushSchema = z.strictObject({
  repository,
  sha: z.string().regex(/^[0-9a-f]{40}$/, "sha must be 40 lower-case hex characters").optional(),
  findings: z.array(findingSchema).max(1000).optional(),
  crashing: z.boolean().optional(),
});

const crashSchema = z.strictObject({
  repository,
  image: z.string().min(1).max(300),
  crashing: z.boolean(),
});

export function push(request: ControlRequest): unknown {
  const input = pushSchema.parse(request.body);
  const { runtime, account, region } = request;
  runtime.pushCount += 1;
  // Generated from the push's place in history rather than at random, so replays give the same SHAs.
  const sha =
    input.sha ??
    createHash("sha1").update(`${account}/${region}/${input.repository}/${runtime.clock.now()}/${runtime.pushCount}`).digest("hex");
  const tags = [`prod-${sha}`, `sha-${sha.slice(0, 7)}`, "latest"];
  const world = request.world();
  const { digest } = world.ecr.pushImage({
    repositoryName: input.repository,
    tags,
    pushedAt: runtime.clock.now(),
    contentSeed: sha,
    findings: input.findings,
    crashing: input.crashing,
  });
  return { repository: input.repository, sha, digest, tags };
}

export function markCrashing(request: ControlRequest): unknown {
  const input = crashSchema.parse(request.body);
  const { digest } = request.world().ecr.markCrashing(input.repository, input.image, input.crashing);
  return { repository: input.repository, digest, crashing: input.crashing };
}
