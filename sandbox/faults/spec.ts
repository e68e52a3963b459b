// The fault specification accepted by PUT /_sandbox/faults. Rules are keyed by operation: "*" (every
// call), "DescribeServices", or "ecs:TagResource" / "ecr:TagResource" where both services share a name.
import { z } from "zod";

const probability = z.number().min(0).max(1);

export const throttleSchema = z.union([
  /** The real ECS bucket groups and rates of aws-behaviour.md §5. */
  z.literal("aws"),
  z.strictObject({ ratePerSecond: z.number().positive().max(1_000_000), burst: z.number().int().min(1).max(1_000_000) }),
]);

export const faultRuleSchema = z.strictObject({
  latencyMs: z.number().min(0).max(60_000).optional(),
  jitterMs: z.number().min(0).max(60_000).optional(),
  throttle: throttleSchema.optional(),
  /** Share of calls answered with a 500 ServerException. */
  errorRate: probability.optional(),
  /** Share of calls whose connection is destroyed without an answer. */
  dropRate: probability.optional(),
});

export const faultSpecSchema = z.strictObject({
  /** Seeds the PRNG behind jitter, errors and drops; without it they follow Math.random. */
  seed: z.number().int().optional(),
  rules: z.record(z.string().regex(/^(\*|((ecs|ecr):)?[A-Z][A-Za-z]+)$/, "must be *, an operation name or ecs:/ecr: + name"), faultRuleSchema),
});

export type ThrottleSpec = z.infer<typeof throttleSchema>;
export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultSpec = z.infer<typeof faultSpecSchema>;
