// Every stack of the app from its context: the dashboard's stack, and one access stack per environment
// in another account. bin/steady-state.ts runs this for `cdk`; the tests run it on an App of their own.
import type { App } from "aws-cdk-lib";
import { DashboardStack } from "./dashboard-stack";
import { EnvironmentAccessStack } from "./environment-access-stack";
import { parseSettings, type Settings } from "./settings";

export interface SteadyStateStacks {
  settings: Settings;
  dashboard: DashboardStack;
  environments: EnvironmentAccessStack[];
}

export function defineStacks(app: App, defaults: NodeJS.ProcessEnv = process.env): SteadyStateStacks {
  // `cdk` sets CDK_DEFAULT_ACCOUNT/REGION from the credentials it runs with; context overrides them.
  const fallback = { account: defaults.CDK_DEFAULT_ACCOUNT, region: defaults.CDK_DEFAULT_REGION };
  const context = Object.fromEntries(Object.entries({ ...fallback, ...app.node.getAllContext() }).filter(([, v]) => v !== undefined));
  const settings = parseSettings(context);
  const dashboard = new DashboardStack(app, "SteadyState", {
    env: { account: settings.account, region: settings.region },
    description: "Steady State dashboard on ECS Fargate (docs/deploy.md)",
    settings,
  });
  const environments = settings.environments.map(
    (environment) =>
      new EnvironmentAccessStack(app, `SteadyStateAccess-${environment.id}`, {
        env: { account: environment.account, region: environment.region },
        description: `Role the Steady State dashboard assumes for environment ${environment.id}`,
        environment,
        settings,
      }),
  );
  return { settings, dashboard, environments };
}
