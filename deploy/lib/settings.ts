// The app's inputs, read from CDK context (cdk.json "context", or `cdk deploy -c key=value`) and validated
// once with zod, so a missing or misspelt value stops `cdk synth` naming the key instead of producing a
// stack that fails at deploy time. Values given with -c arrive as strings, hence the coercions.
import { z } from "zod";

const ACCOUNT = z.string().regex(/^\d{12}$/, "expected a 12-digit AWS account id");
const REGION = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, "expected an AWS region such as eu-west-1");
// The same rule as lib/config's environment id, so a context entry can name the config's environment.
const ENV_ID = z.string().regex(/^[a-z0-9-]{1,32}$/, "expected 1-32 of a-z, 0-9, -");
const ROLE_NAME = z.string().regex(/^[\w+=,.@-]{1,64}$/, "expected an IAM role name (1-64 of A-Za-z0-9+=,.@_-)");

const SECRET_REF = z.union([
  z.string().min(1),
  z.strictObject({ secret: z.string().min(1), field: z.string().min(1).optional() }),
]);

const int = (min: number, max: number) =>
  z.union([z.number(), z.string().regex(/^\d+$/, "expected a whole number").transform(Number)]).pipe(z.number().int().min(min).max(max));
const bool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
/** A list or object given on the command line arrives as its JSON text. */
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      return value; // left for the schema to refuse with its own message
    }
  }, schema);

// CloudWatch Logs accepts only these retention periods (days).
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const environmentAccessSchema = z.strictObject({
  /** The environment's `id` in the dashboard's configuration. */
  id: ENV_ID,
  account: ACCOUNT,
  region: REGION,
  /** The role created in that account; the configuration's `roleArn` for the environment names it. */
  roleName: ROLE_NAME.optional(),
  policy: z.enum(["read-only", "rollback"]).optional(),
});

export const settingsSchema = z
  .strictObject({
    account: ACCOUNT,
    region: REGION,
    image: z.string().min(1).regex(/^[^\s]+$/, "expected an image URI without spaces"),
    url: z.url({ protocol: /^https$/, error: "expected the dashboard's https:// URL (NEXTAUTH_URL)" }),
    certificateArn: z.string().regex(/^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate\/[\w-]+$/, "expected an ACM certificate ARN"),
    configFile: z.string().min(1).optional(),
    configParameter: z.string().regex(/^\/?[\w.\-/]{1,1011}$/, "expected an SSM parameter name").optional(),
    vpcId: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, "expected a VPC id such as vpc-0abc1234").optional(),
    natGateways: int(1, 3).default(1),
    internetFacing: bool.default(false),
    allowedCidrs: json(z.array(z.cidrv4()).min(1)).optional(),
    hostedZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, "expected a Route 53 hosted zone id").optional(),
    zoneName: z.string().min(1).optional(),
    desiredCount: int(2, 20).default(2),
    // Fargate's CPU units; CDK checks the CPU/memory pair.
    cpu: int(256, 16384)
      .refine((c) => [256, 512, 1024, 2048, 4096, 8192, 16384].includes(c), "expected 256, 512, 1024, 2048, 4096, 8192 or 16384")
      .default(512),
    memoryMiB: int(512, 30720).default(1024),
    arm64: bool.default(false),
    logRetentionDays: int(1, 3653)
      .refine((d) => (RETENTION_DAYS as readonly number[]).includes(d), `expected one of ${RETENTION_DAYS.join(", ")}`)
      .default(30),
    policy: z.enum(["read-only", "rollback"]).default("read-only"),
    enhancedScanning: bool.default(false),
    /** Attach the policy to the task role itself, for environments in the dashboard's own account (no roleArn). */
    ownAccountAccess: bool.default(true),
    taskRoleName: ROLE_NAME.default("steady-state-dashboard-task"),
    environments: json(z.array(environmentAccessSchema)).default([]),
    /** Environment variable → Secrets Manager secret (name or ARN, and a JSON key in it), e.g. for `clientSecretEnv`. */
    secrets: json(z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "expected an environment variable name"), SECRET_REF)).default({}),
    databaseInstanceType: z.string().regex(/^[a-z0-9]+\.[a-z0-9]+$/, "expected an instance type such as t4g.small").default("t4g.small"),
    databaseMultiAz: bool.default(true),
    /** Appended to DATABASE_URL: TLS to RDS without a CA bundle in the image (docs/deploy.md says how to verify). */
    databaseUrlOptions: z.string().regex(/^[\w=&.\-/]*$/).default("sslmode=no-verify"),
  })
  .refine((s) => (s.configFile === undefined) !== (s.configParameter === undefined), {
    message: "set exactly one of configFile (a JSON file this app puts in SSM) and configParameter (an SSM parameter you made)",
    path: ["configFile"],
  })
  .refine((s) => (s.hostedZoneId === undefined) === (s.zoneName === undefined), {
    message: "hostedZoneId and zoneName go together",
    path: ["hostedZoneId"],
  })
  .refine((s) => new Set(s.environments.map((e) => e.id)).size === s.environments.length, {
    message: "environment ids must be unique",
    path: ["environments"],
  });

export type Settings = z.output<typeof settingsSchema>;
export type EnvironmentAccess = z.output<typeof environmentAccessSchema>;
export type SecretRef = z.output<typeof SECRET_REF>;

/** The role an environment's account holds for the dashboard (its configuration's `roleArn`). */
export const environmentRoleName = (env: EnvironmentAccess) => env.roleName ?? `steady-state-${env.id}`;
export const environmentRoleArn = (env: EnvironmentAccess) => `arn:aws:iam::${env.account}:role/${environmentRoleName(env)}`;

/**
 * Validates the context. Keys CDK itself uses (feature flags `@aws-cdk/…`, `aws:cdk:…`, lookup caches
 * `vpc-provider:…`) are skipped; any other unknown key is refused, so a misspelt setting never passes silently.
 */
export function parseSettings(context: Record<string, unknown>): Settings {
  const ours = Object.fromEntries(Object.entries(context).filter(([key]) => !key.startsWith("@") && !key.includes(":")));
  const parsed = settingsSchema.safeParse(ours);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(context)";
    return `context ${where}: ${issue.message}`;
  });
  throw new Error(`Steady State deploy settings are not valid:\n${lines.join("\n")}`);
}
