// The dashboard's configuration file (docs/configuration.md), read at synth time to go into SSM. The
// dashboard validates it fully when it starts; here only what would go wrong because of *this* app is
// checked: a secret written inline would sit in plain text in SSM and the CloudFormation template,
// demo users would stop start-up, and an environment role this app creates must be the configuration's
// `roleArn`, or the dashboard would assume a role that does not exist.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { environmentRoleArn, type EnvironmentAccess } from "./settings";

// Only the members checked here; the rest passes through untouched.
const configShape = z.looseObject({
  environments: z.array(z.looseObject({ id: z.string(), roleArn: z.string().optional() })),
  auth: z
    .looseObject({
      demoUsers: z.boolean().optional(),
      oidc: z.looseObject({ clientSecret: z.string().optional() }).optional(),
      github: z.looseObject({ clientSecret: z.string().optional() }).optional(),
    })
    .optional(),
});

export interface ConfigFile {
  /** The file's text, as the SSM parameter holds it. */
  text: string;
  path: string;
}

export function readConfigFile(file: string, environments: readonly EnvironmentAccess[], cwd = process.cwd()): ConfigFile {
  const full = path.resolve(cwd, file);
  const fail = (why: string) => new Error(`context configFile (${full}): ${why}`);
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(full, "utf8");
    raw = JSON.parse(text);
  } catch (error) {
    throw fail((error as Error).message);
  }
  const parsed = configShape.safeParse(raw);
  if (!parsed.success) throw fail(`not a Steady State configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { auth, environments: configured } = parsed.data;
  for (const provider of ["oidc", "github"] as const) {
    if (auth?.[provider]?.clientSecret !== undefined) {
      throw fail(`auth.${provider}.clientSecret would be stored in plain text; use clientSecretEnv and the "secrets" context (docs/deploy.md)`);
    }
  }
  if (auth?.demoUsers) throw fail("auth.demoUsers is for the sandbox only: the dashboard refuses to start with it against AWS");
  for (const env of environments) {
    const match = configured.find((c) => c.id === env.id);
    if (!match) throw fail(`context environments names "${env.id}", which is not one of its environments`);
    if (match.roleArn !== environmentRoleArn(env)) {
      throw fail(`environments "${env.id}": roleArn must be ${environmentRoleArn(env)} (the role this app creates), not ${match.roleArn ?? "unset"}`);
    }
  }
  return { text, path: full };
}
