// What the container gets as secrets, never as plain environment: NEXTAUTH_SECRET (generated here in
// Secrets Manager), the configuration JSON (an SSM parameter, read by the app as STEADYSTATE_CONFIG_JSON)
// and any secret the configuration names by `clientSecretEnv`. ECS resolves them when a task starts,
// with the execution role, so the task role never needs to read them.
import { Secret as EcsSecret } from "aws-cdk-lib/aws-ecs";
import { Secret, type ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { ParameterTier, StringParameter, type IStringParameter } from "aws-cdk-lib/aws-ssm";
import { Construct } from "constructs";
import { readConfigFile } from "./config-file";
import type { SecretRef, Settings } from "./settings";

export const CONFIG_PARAMETER_NAME = "/steady-state/config";
// SSM's limits for a String parameter: 4 KB in the standard tier, 8 KB in the advanced one.
const STANDARD_TIER_BYTES = 4096;
const ADVANCED_TIER_BYTES = 8192;

type SecretSettings = Pick<Settings, "configFile" | "configParameter" | "environments" | "secrets">;

function importSecret(scope: Construct, id: string, name: string): ISecret {
  if (!name.startsWith("arn:")) return Secret.fromSecretNameV2(scope, id, name);
  // A complete ARN ends in Secrets Manager's 6-character suffix; a partial one does not.
  return /-[A-Za-z0-9]{6}$/.test(name) ? Secret.fromSecretCompleteArn(scope, id, name) : Secret.fromSecretPartialArn(scope, id, name);
}

function configParameter(scope: Construct, settings: SecretSettings): IStringParameter {
  if (settings.configParameter) {
    // Made outside this app (e.g. a SecureString); ECS reads String and SecureString alike.
    return StringParameter.fromSecureStringParameterAttributes(scope, "Config", { parameterName: settings.configParameter });
  }
  const file = readConfigFile(settings.configFile ?? "", settings.environments);
  const bytes = Buffer.byteLength(file.text, "utf8");
  if (bytes > ADVANCED_TIER_BYTES) {
    throw new Error(`context configFile (${file.path}): ${bytes} bytes is over SSM's ${ADVANCED_TIER_BYTES}-byte limit; remove whitespace or split out what is long`);
  }
  return new StringParameter(scope, "Config", {
    parameterName: CONFIG_PARAMETER_NAME,
    description: "Steady State configuration (docs/configuration.md), given to the tasks as STEADYSTATE_CONFIG_JSON",
    stringValue: file.text,
    tier: bytes > STANDARD_TIER_BYTES ? ParameterTier.ADVANCED : ParameterTier.STANDARD,
  });
}

export class AppSecrets extends Construct {
  readonly nextAuthSecret: Secret;
  readonly config: IStringParameter;
  /** Environment variable name → ECS secret, for the container definition. */
  readonly containerSecrets: Record<string, EcsSecret>;

  constructor(scope: Construct, id: string, props: { settings: SecretSettings }) {
    super(scope, id);
    const { settings } = props;
    this.nextAuthSecret = new Secret(this, "NextAuthSecret", {
      description: "Steady State NEXTAUTH_SECRET: encrypts the session cookie; rotating it signs everyone out",
      // The app wants at least 32 characters; letters and digits keep it shell- and URL-safe.
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    this.config = configParameter(this, settings);
    const named = Object.entries(settings.secrets).map(([env, ref]: [string, SecretRef]) => {
      const { secret, field } = typeof ref === "string" ? { secret: ref, field: undefined } : ref;
      return [env, EcsSecret.fromSecretsManager(importSecret(this, `Secret-${env}`, secret), field)] as const;
    });
    this.containerSecrets = {
      NEXTAUTH_SECRET: EcsSecret.fromSecretsManager(this.nextAuthSecret),
      STEADYSTATE_CONFIG_JSON: EcsSecret.fromSsmParameter(this.config),
      ...Object.fromEntries(named),
    };
  }
}
