// The CDK app's entry point (cdk.json: `npx tsx bin/steady-state.ts`). Settings come from context:
// `npx cdk deploy --all -c image=… -c url=… -c certificateArn=… -c configFile=…` (docs/deploy.md).
import { App } from "aws-cdk-lib";
import { defineStacks } from "../lib/steady-state-app";

const app = new App();
defineStacks(app);
app.synth();
