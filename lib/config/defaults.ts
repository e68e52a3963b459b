// The built-in configuration used when STEADYSTATE_CONFIG is not set: the demo setup, which the sandbox
// serves through the standard AWS_ENDPOINT_URL_ECS / AWS_ENDPOINT_URL_ECR variables.
import { DEFAULT_TAG_PATTERN } from "@/lib/domain/prod-tag";
import type { ConfigSource } from "./load-config";
import type { ConfigFile } from "./schema";

const DEMO_REPOSITORIES = ["my-api", "log-router", "web", "worker", "payments", "notifications"];

export function defaultConfigFile(env: ConfigSource["env"]): ConfigFile {
  return {
    environments: [
      { id: "sandbox", name: "Sandbox", region: env.AWS_REGION ?? "ap-south-1", accountId: "123456789012", clusters: "all" },
    ],
    // The sandbox's CI tags every build sha-<7> and only promoted ones prod-<sha> (staging runs sha- images).
    tagPattern: [DEFAULT_TAG_PATTERN, "^sha-(?<sha>[0-9a-f]{7,40})$"],
    git: {
      byRepository: Object.fromEntries(
        DEMO_REPOSITORIES.map((repo) => [
          repo,
          {
            commitUrl: `https://github.com/example/${repo}/commit/{sha}`,
            compareUrl: `https://github.com/example/${repo}/compare/{base}...{head}`,
          },
        ]),
      ),
    },
    // The demo signs in with one-click users; start-up refuses them unless AWS is a loopback sandbox.
    auth: { demoUsers: true },
  };
}
