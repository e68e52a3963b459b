// The zod schema of the configuration file. Objects are strict so a misspelt key is an error, not a
// silently ignored setting. Defaults live here, next to the rule they relax.
import { z } from "zod";
import { compileTagPattern, DEFAULT_TAG_PATTERN } from "@/lib/domain/prod-tag";
import { templatePlaceholders } from "@/lib/domain/git-links";
import { authSchema } from "./auth-schema";
import { notificationsSchema } from "./notifications-schema";

// us-east-1, ap-south-1, us-gov-west-1, cn-north-1, us-isob-east-1 …
const REGION = /^[a-z]{2}(?:-(?:gov|iso[a-z]?))?-[a-z]+-\d{1,2}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ENV_ID = /^[a-z0-9-]{1,32}$/;

const quoted = (input: unknown) => JSON.stringify(input);

const environment = z.strictObject({
  id: z.string().regex(ENV_ID, {
    error: (iss) => `Invalid id ${quoted(iss.input)}: use 1-32 lower-case letters, digits or "-" (it appears in URLs)`,
  }),
  name: z.string().trim().min(1, "Must not be empty"),
  region: z.string().regex(REGION, { error: (iss) => `Invalid region ${quoted(iss.input)}` }),
  accountId: z
    .string()
    .regex(/^\d{12}$/, { error: (iss) => `Invalid account id ${quoted(iss.input)}: expected 12 digits` })
    .optional(),
  roleArn: z
    .string()
    .regex(ROLE_ARN, { error: (iss) => `Invalid role ARN ${quoted(iss.input)}: expected arn:aws:iam::<account>:role/<name>` })
    .optional(),
  clusters: z.union([
    z.literal("all"),
    z
      .array(z.string().regex(CLUSTER_NAME, { error: (iss) => `Invalid cluster name ${quoted(iss.input)}` }))
      .min(1, 'List at least one cluster, or use "all"')
      .refine((names) => new Set(names).size === names.length, "Cluster names must be unique"),
  ], { error: 'Expected "all" or a list of cluster names' }),
});

function urlTemplate(allowed: readonly string[]) {
  return z
    .string()
    .regex(/^https?:\/\/\S+$/, { error: (iss) => `Invalid URL template ${quoted(iss.input)}: must start with https:// or http://` })
    .superRefine((template, ctx) => {
      for (const name of templatePlaceholders(template)) {
        if (!allowed.includes(name)) {
          ctx.addIssue({ code: "custom", message: `Unknown placeholder {${name}}; allowed: ${allowed.map((a) => `{${a}}`).join(", ")}` });
        }
      }
    });
}

const gitLinks = z.strictObject({
  commitUrl: urlTemplate(["sha", "repository"]),
  compareUrl: urlTemplate(["base", "head", "repository"]),
});

// One pattern or a list of them (e.g. prod-<sha> and CI's sha-<7>): a tag matching any names the commit.
const tagPattern = z
  .union([z.string(), z.array(z.string()).min(1, "List at least one tag pattern")], {
    error: "Expected a regular expression, or a list of them, with a named group sha",
  })
  .default(DEFAULT_TAG_PATTERN)
  .transform((value, ctx) => {
    const sources = typeof value === "string" ? [value] : value;
    const patterns: RegExp[] = [];
    sources.forEach((source, i) => {
      try {
        patterns.push(compileTagPattern(source));
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message, ...(typeof value !== "string" && { path: [i] }) });
      }
    });
    return patterns.length === sources.length ? { sources, patterns } : z.NEVER;
  });

const int = (min: number, max: number, fallback: number) =>
  z.number().int(`Expected a whole number`).min(min).max(max).default(fallback);

export const configFileSchema = z.strictObject({
  environments: z
    .array(environment)
    .min(1, "Configure at least one environment")
    .superRefine((environments, ctx) => {
      const seen = new Set<string>();
      environments.forEach((env, i) => {
        if (seen.has(env.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `Duplicate environment id ${quoted(env.id)}` });
        seen.add(env.id);
      });
    }),
  tagPattern,
  git: z
    .strictObject({
      byRepository: z.record(z.string().min(1), gitLinks).default({}),
      default: gitLinks.optional(),
    })
    .default({ byRepository: {} }),
  cache: z
    .strictObject({ mutableTtlMs: int(0, 3_600_000, 5000), immutableMaxEntries: int(1, 1_000_000, 5000) })
    .default({ mutableTtlMs: 5000, immutableMaxEntries: 5000 }),
  aws: z
    .strictObject({ maxConcurrency: int(1, 64, 16), requestTimeoutMs: int(100, 300_000, 10_000) })
    .default({ maxConcurrency: 16, requestTimeoutMs: 10_000 }),
  ui: z
    .strictObject({ refreshIntervalMs: int(1000, 3_600_000, 5000), stuckAfterMs: int(60_000, 86_400_000, 1_800_000) })
    .default({ refreshIntervalMs: 5000, stuckAfterMs: 1_800_000 }),
  // Rollback/deploy: how often the follower asks ECS, how long before an operation is reported timed out
  // (never reverted), and how long a replica's claim on following an operation lasts without renewal.
  deploy: z
    .strictObject({
      pollIntervalMs: int(250, 60_000, 1000),
      followTimeoutMs: int(60_000, 86_400_000, 1_800_000),
      leaseTtlMs: int(2000, 300_000, 10_000),
    })
    .default({ pollIntervalMs: 1000, followTimeoutMs: 1_800_000, leaseTtlMs: 10_000 }),
  auth: authSchema,
  notifications: notificationsSchema,
});

export type ConfigFile = z.input<typeof configFileSchema>;
